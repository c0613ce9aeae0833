create function public.item_total(qty integer, price numeric) returns numeric
language sql immutable
as $$ select qty * price $$;
grant execute on function public.item_total(integer, numeric) to authenticated;
