-- main
drop function public.item_total(qty integer, price numeric);

-- main
CREATE OR REPLACE FUNCTION public.item_total(qty integer, price numeric, discount numeric DEFAULT 0)
 RETURNS numeric
 LANGUAGE sql
 IMMUTABLE
AS $function$ select qty * price - discount $function$;
