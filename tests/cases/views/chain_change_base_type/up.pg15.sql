-- main
drop view public.v2;

-- main
drop view public.v1;

-- main
create view public.v1 as
SELECT items.id,
    length(items.name) AS name
   FROM public.items;

-- main
create view public.v2 as
SELECT v1.id,
    v1.name
   FROM public.v1
  WHERE (v1.id > 10);
