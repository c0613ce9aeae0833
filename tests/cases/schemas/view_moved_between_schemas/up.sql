-- main
drop view public.item_names;

-- main, weakens_security
create view api.item_names as
SELECT name
   FROM public.items;
