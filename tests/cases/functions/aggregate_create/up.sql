-- main
CREATE OR REPLACE FUNCTION public.add_int(a integer, b integer)
 RETURNS integer
 LANGUAGE sql
 IMMUTABLE
AS $function$ select a + b $function$;

-- main
CREATE AGGREGATE public.total(integer) (SFUNC = public.add_int, STYPE = integer, INITCOND = '0');
