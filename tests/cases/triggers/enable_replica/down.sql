-- main, access_exclusive_lock
alter table public.orders enable trigger orders_noop;
