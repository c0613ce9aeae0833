-- main
alter function public.item_total(qty integer, price numeric) reset search_path;
