-- main, access_exclusive_lock
alter table public.orders disable trigger orders_noop;
