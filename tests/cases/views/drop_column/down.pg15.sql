-- main
create or replace view public.priced_items as
SELECT items.id,
    items.name,
    items.price
   FROM public.items;
