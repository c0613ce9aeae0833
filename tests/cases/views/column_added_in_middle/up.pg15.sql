-- main
drop view public.order_list;

-- main
create view public.order_list as
SELECT orders.id,
    orders.placed,
    orders.total
   FROM public.orders;
