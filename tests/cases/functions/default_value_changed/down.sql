-- main
CREATE OR REPLACE FUNCTION public.page(lim integer DEFAULT 10)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select lim $function$;
