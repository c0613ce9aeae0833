-- main
create or replace view public.people_v as
SELECT id,
    name,
    email
   FROM public.people;
