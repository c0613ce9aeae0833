-- main, index_dropped, access_exclusive_lock
alter table public.orders drop constraint orders_pkey;
