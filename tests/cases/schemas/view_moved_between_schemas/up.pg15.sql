-- main
drop view public.item_names;

-- main, weakens_security
create view api.item_names as
SELECT items.name
   FROM public.items;
