-- main
CREATE OR REPLACE FUNCTION public.total(VARIADIC xs numeric[])
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select sum(x) from unnest(xs) as x $function$;
