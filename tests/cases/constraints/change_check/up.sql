-- main, access_exclusive_lock
alter table public.orders drop constraint orders_quantity_positive;

-- main, access_exclusive_lock
alter table public.orders add constraint orders_quantity_positive CHECK (((quantity > 0) AND (quantity < 1000))) not valid;

-- validate
alter table public.orders validate constraint orders_quantity_positive;
