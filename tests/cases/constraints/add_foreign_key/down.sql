-- main, access_exclusive_lock
alter table public.orders drop constraint orders_item_id_fkey;
