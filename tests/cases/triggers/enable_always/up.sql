-- main, access_exclusive_lock
alter table public.orders enable always trigger orders_noop;
