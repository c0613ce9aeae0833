-- main
CREATE OR REPLACE FUNCTION public.item_total(qty integer, price numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select qty * price $function$;
