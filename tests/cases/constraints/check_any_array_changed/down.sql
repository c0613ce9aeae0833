-- main, access_exclusive_lock
alter table public.orders drop constraint orders_not_void;

-- main, access_exclusive_lock
alter table public.orders drop constraint orders_status;

-- main, access_exclusive_lock
alter table public.orders add constraint orders_status CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text])));
