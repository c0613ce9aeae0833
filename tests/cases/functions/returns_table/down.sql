-- main
drop function public.cheap_items(max_price numeric);
