-- main
create or replace view public.people_v as
SELECT people.id,
    people.name,
    people.email
   FROM public.people;
