-- main
CREATE OR REPLACE FUNCTION public.may_read(owner integer)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$select owner > 0$function$;

-- main, weakens_security
alter policy docs_read on public.docs
  using (public.may_read(owner_id));
