-- main
drop view public.order_totals;

-- main
create view public.order_totals as
SELECT id,
    total
   FROM public.orders;
