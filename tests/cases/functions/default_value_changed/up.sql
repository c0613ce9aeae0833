-- main
CREATE OR REPLACE FUNCTION public.page(lim integer DEFAULT 20)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select lim $function$;
