-- main
drop view public.v;

-- main
create view public.v as
SELECT a AS x,
    b AS y
   FROM public.t;
