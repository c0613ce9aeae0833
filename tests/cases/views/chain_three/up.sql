-- main, weakens_security
create view public.v1 as
SELECT id,
    name
   FROM public.items;

-- main, weakens_security
create view public.v2 as
SELECT id,
    name
   FROM public.v1;

-- main, weakens_security
create view public.v3 as
SELECT count(*) AS n
   FROM public.v2;
