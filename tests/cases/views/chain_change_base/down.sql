-- main
create or replace view public.v1 as
SELECT id,
    name
   FROM public.items;
