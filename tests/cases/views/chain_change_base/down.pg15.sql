-- main
create or replace view public.v1 as
SELECT items.id,
    items.name
   FROM public.items;
