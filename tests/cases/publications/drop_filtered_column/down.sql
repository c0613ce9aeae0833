-- main
alter publication orders_pub drop table public.orders;

-- main, access_exclusive_lock
alter table public.orders add column note text;

-- main
alter publication orders_pub add table public.orders where (note IS NOT NULL);
