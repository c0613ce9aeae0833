-- main, weakens_security
grant execute on function public.item_total(qty integer, price numeric) to public;
