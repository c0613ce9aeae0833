-- main
create or replace view public.v2 as
SELECT id,
    (total * (2)::numeric) AS total
   FROM public.v1;
