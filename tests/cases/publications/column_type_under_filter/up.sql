-- main
alter publication big_orders drop table public.orders;

-- main, access_exclusive_lock
alter table public.orders alter column amount type numeric(14,2) using amount::numeric(14,2);

-- main
alter publication big_orders add table public.orders (id, amount) where (amount > (1000)::numeric);
