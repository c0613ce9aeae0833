-- main
CREATE OR REPLACE FUNCTION public.tax(amount numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select amount * 0.2 $function$;
