-- main
create or replace view public.v2 as
SELECT v1.id,
    (v1.total * (2)::numeric) AS total
   FROM public.v1;
