-- main
CREATE OR REPLACE FUNCTION public.normalized(v text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$select lower(trim(v))$function$;

-- concurrent, index_build, not_transactional
CREATE UNIQUE INDEX CONCURRENTLY people_email_key ON public.people USING btree (public.normalized(email));
