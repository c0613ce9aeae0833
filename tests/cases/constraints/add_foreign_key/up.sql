-- main, share_lock
alter table public.orders add constraint orders_item_id_fkey FOREIGN KEY (item_id) REFERENCES public.items(id) not valid;

-- validate
alter table public.orders validate constraint orders_item_id_fkey;
