-- main
drop view public.people_v;

-- main
create view public.people_v as
SELECT people.id,
    people.name
   FROM public.people;

-- main
CREATE RULE people_v_insert AS
    ON INSERT TO public.people_v DO INSTEAD  INSERT INTO public.people (id, name)
  VALUES (new.id, new.name);
