-- main
drop function public.page(lim integer, off integer);

-- main
CREATE OR REPLACE FUNCTION public.page(lim integer, off integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select lim + off $function$;
