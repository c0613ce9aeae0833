-- main
drop function public.inc(n integer);

-- main
CREATE OR REPLACE FUNCTION public.inc(x integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select x + 1 $function$;
