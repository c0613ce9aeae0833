-- main
drop view public.v;

-- main
create view public.v as
SELECT p.id,
    p.price,
    p.qty
   FROM public.p;

-- main
alter view public.v alter column qty set default 2;
