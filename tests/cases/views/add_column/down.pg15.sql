-- main
drop view public.priced_items;

-- main
create view public.priced_items as
SELECT items.id,
    items.name
   FROM public.items;
