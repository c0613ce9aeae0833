-- main, access_exclusive_lock
alter table public.orders drop constraint orders_quantity_positive;

-- main, access_exclusive_lock
alter table public.orders add constraint orders_quantity_positive CHECK ((quantity > 0));
