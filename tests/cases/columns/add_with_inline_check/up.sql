-- main, access_exclusive_lock
alter table public.products add column price numeric;

-- main, access_exclusive_lock
alter table public.products add constraint products_price_check CHECK ((price >= (0)::numeric)) not valid;

-- validate
alter table public.products validate constraint products_price_check;
