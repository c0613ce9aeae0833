-- main
drop function public.item_total(qty bigint, price numeric);
