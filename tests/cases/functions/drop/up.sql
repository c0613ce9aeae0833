-- main
drop function public.item_total(qty integer, price numeric);
