-- main
create or replace view public.v1 as
SELECT id,
    upper(name) AS name
   FROM public.items;
