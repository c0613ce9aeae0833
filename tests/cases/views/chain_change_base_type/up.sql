-- main
drop view public.v2;

-- main
drop view public.v1;

-- main
create view public.v1 as
SELECT id,
    length(name) AS name
   FROM public.items;

-- main
create view public.v2 as
SELECT id,
    name
   FROM public.v1
  WHERE (id > 10);
