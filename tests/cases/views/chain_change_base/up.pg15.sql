-- main
create or replace view public.v1 as
SELECT items.id,
    upper(items.name) AS name
   FROM public.items;
