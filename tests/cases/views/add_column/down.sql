-- main
drop view public.priced_items;

-- main
create view public.priced_items as
SELECT id,
    name
   FROM public.items;
