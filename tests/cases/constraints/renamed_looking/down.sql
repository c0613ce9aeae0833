-- main, access_exclusive_lock
alter table public.items drop constraint items_price_positive;

-- main, access_exclusive_lock
alter table public.items add constraint price_ok CHECK ((price > (0)::numeric));
