-- main, weakens_security
alter function public.item_total(qty integer, price numeric) security definer;
