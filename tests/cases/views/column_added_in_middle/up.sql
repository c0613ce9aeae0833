-- main
drop view public.order_list;

-- main
create view public.order_list as
SELECT id,
    placed,
    total
   FROM public.orders;
