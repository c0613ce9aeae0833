-- main
create or replace view public.v2 as
SELECT id,
    total
   FROM public.v1;
