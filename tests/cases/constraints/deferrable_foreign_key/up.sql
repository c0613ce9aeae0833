-- main, share_lock
alter table public.orders alter constraint orders_item_id_fkey deferrable initially deferred;
