-- main, access_exclusive_lock
alter table public.orders add constraint orders_quantity_positive CHECK ((quantity > 0)) not valid;

-- validate
alter table public.orders validate constraint orders_quantity_positive;
