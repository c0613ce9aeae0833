-- main
drop view public.recent;

-- main
drop view public.order_list;

-- main
create view public.order_list as
SELECT orders.id,
    orders.total,
    orders.placed
   FROM public.orders;

-- main
create view public.recent as
SELECT order_list.id,
    order_list.placed
   FROM public.order_list;
