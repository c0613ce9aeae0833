-- main, weakens_security
alter function public.item_total(qty integer, price numeric) security definer set search_path to '';
