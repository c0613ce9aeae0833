-- main
drop function public.item_total(qty integer, price numeric);

-- main
CREATE OR REPLACE FUNCTION app.item_total(qty integer, price numeric)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select qty * price $function$;
