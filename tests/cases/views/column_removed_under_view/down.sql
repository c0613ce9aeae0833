-- main
drop view public.recent;

-- main
drop view public.order_list;

-- main
create view public.order_list as
SELECT id,
    total,
    placed
   FROM public.orders;

-- main
create view public.recent as
SELECT id,
    placed
   FROM public.order_list;
