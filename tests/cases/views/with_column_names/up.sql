-- main
drop view public.v;

-- main
create view public.v as
SELECT a AS x,
    b AS z
   FROM public.t;
