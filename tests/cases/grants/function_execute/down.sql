-- main
revoke execute on function public.item_total(qty integer, price numeric) from authenticated;
