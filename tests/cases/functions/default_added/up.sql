-- main
CREATE OR REPLACE FUNCTION public.page(lim integer, off integer DEFAULT 0)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select lim + off $function$;
