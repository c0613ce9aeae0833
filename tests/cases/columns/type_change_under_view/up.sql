-- main
drop view public.order_sizes;

-- main, rewrites_table, access_exclusive_lock
alter table public.orders alter column quantity type bigint using quantity::bigint;

-- main
create view public.order_sizes as
SELECT id,
    quantity
   FROM public.orders;
