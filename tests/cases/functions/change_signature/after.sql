create function public.item_total(qty integer, price numeric, discount numeric default 0) returns numeric
language sql immutable
as $$ select qty * price - discount $$;
