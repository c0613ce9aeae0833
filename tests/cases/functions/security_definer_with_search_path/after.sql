create function public.item_total(qty integer, price numeric) returns numeric
language sql immutable security definer set search_path = ''
as $$ select qty * price $$;
