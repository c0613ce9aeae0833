-- main, access_exclusive_lock
alter table public.items drop constraint price_ok;

-- main, access_exclusive_lock
alter table public.items add constraint items_price_positive CHECK ((price > (0)::numeric)) not valid;

-- validate
alter table public.items validate constraint items_price_positive;
