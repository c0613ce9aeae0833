-- main
CREATE OR REPLACE FUNCTION public.add_sq(acc numeric, x numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select acc + x * x $function$;

-- main
CREATE AGGREGATE public.sum_sq(numeric) (SFUNC = public.add_sq, STYPE = numeric, INITCOND = '0');
