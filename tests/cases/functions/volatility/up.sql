-- main
alter function public.item_total(qty integer, price numeric) stable;
