-- main
alter function public.item_total(qty integer, price numeric) set search_path to '';
