-- main
drop view public.priced_items;
