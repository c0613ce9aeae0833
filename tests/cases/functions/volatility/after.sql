create function public.item_total(qty integer, price numeric) returns numeric
language sql stable
as $$ select qty * price $$;
