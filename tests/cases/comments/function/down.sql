-- main
comment on function public.item_total(qty integer, price numeric) is null;
