-- main
drop function public.inc(x integer);

-- main
CREATE OR REPLACE FUNCTION public.inc(n integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select n + 1 $function$;
