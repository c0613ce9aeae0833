create function public.item_total(qty integer, price numeric) returns numeric
language sql immutable set search_path = ''
as $$ select qty * price $$;
