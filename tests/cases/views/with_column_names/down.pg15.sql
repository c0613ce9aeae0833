-- main
drop view public.v;

-- main
create view public.v as
SELECT t.a AS x,
    t.b AS y
   FROM public.t;
