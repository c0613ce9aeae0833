create function public.item_total(qty integer, price numeric) returns double precision
language sql immutable
as $$ select (qty * price)::double precision $$;
create view public.totals as select public.item_total(2, 3.5) as total;
