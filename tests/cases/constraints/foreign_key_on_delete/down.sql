-- main, access_exclusive_lock
alter table public.orders drop constraint orders_item_id_fkey;

-- main, share_lock
alter table public.orders add constraint orders_item_id_fkey FOREIGN KEY (item_id) REFERENCES public.items(id);
