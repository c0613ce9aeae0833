create function public.item_total(qty integer, price numeric) returns numeric
language sql immutable security definer
as $$ select qty * price $$;
