-- main
drop view public.v;

-- main
create view public.v as
SELECT id,
    qty
   FROM public.p;

-- main
alter view public.v alter column qty set default 1;
