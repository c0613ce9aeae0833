create function public.item_total(qty integer, price numeric) returns numeric
language sql immutable
as $$ select qty * price $$;
create view public.totals as select public.item_total(2, 3.5) as total;
