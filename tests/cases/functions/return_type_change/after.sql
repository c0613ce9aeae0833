create function public.item_total(qty integer, price numeric) returns double precision
language sql immutable
as $$ select (qty * price)::double precision $$;
