-- main
drop view public.order_totals;

-- main, rewrites_table, access_exclusive_lock
alter table public.orders alter column total type bigint using total::bigint;

-- main
create view public.order_totals as
SELECT orders.id,
    orders.total
   FROM public.orders;

-- main
grant select on table public.order_totals to authenticated;
