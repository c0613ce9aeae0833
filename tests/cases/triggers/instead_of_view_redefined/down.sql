-- main
drop view public.people_v;

-- main
create view public.people_v as
SELECT id,
    name
   FROM public.people;

-- main
CREATE TRIGGER people_v_insert INSTEAD OF INSERT ON public.people_v FOR EACH ROW EXECUTE FUNCTION public.people_v_insert();
