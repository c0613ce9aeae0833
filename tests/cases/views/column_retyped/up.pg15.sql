-- main
drop view public.order_totals;

-- main
create view public.order_totals as
SELECT orders.id,
    (orders.total)::numeric(12,2) AS total
   FROM public.orders;
