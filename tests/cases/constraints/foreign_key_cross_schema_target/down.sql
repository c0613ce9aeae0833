-- main, access_exclusive_lock
alter table public.orders drop constraint orders_customer_id_fkey;
