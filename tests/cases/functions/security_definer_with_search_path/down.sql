-- main
alter function public.item_total(qty integer, price numeric) security invoker reset search_path;
