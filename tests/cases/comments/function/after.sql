create function public.item_total(qty integer, price numeric) returns numeric
language sql immutable
as $$ select qty * price $$;
comment on function public.item_total(integer, numeric) is 'Quantity times price';
