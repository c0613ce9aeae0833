-- main
drop view api.item_names;

-- main, weakens_security
create view public.item_names as
SELECT items.name
   FROM public.items;
