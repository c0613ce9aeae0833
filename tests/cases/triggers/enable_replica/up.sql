-- main, access_exclusive_lock
alter table public.orders enable replica trigger orders_noop;
