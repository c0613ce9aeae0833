-- main
drop view public.totals;

-- main
drop function public.item_total(qty integer, price numeric);

-- main
CREATE OR REPLACE FUNCTION public.item_total(qty integer, price numeric)
 RETURNS double precision
 LANGUAGE sql
 IMMUTABLE
AS $function$ select (qty * price)::double precision $function$;

-- main
create view public.totals as
SELECT public.item_total(2, 3.5) AS total;
