-- main
drop view public.order_sizes;

-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.orders alter column quantity type integer using quantity::integer;

-- main
create view public.order_sizes as
SELECT orders.id,
    orders.quantity
   FROM public.orders;
