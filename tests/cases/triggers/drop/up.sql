-- main
drop trigger items_touch on public.items;
