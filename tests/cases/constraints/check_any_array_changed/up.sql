-- main, access_exclusive_lock
alter table public.orders drop constraint orders_status;

-- main, access_exclusive_lock
alter table public.orders add constraint orders_not_void CHECK ((status <> ALL (ARRAY['void'::text, 'lost'::text]))) not valid;

-- main, access_exclusive_lock
alter table public.orders add constraint orders_status CHECK ((status = ANY (ARRAY['new'::text, 'paid'::text, 'shipped'::text]))) not valid;

-- validate
alter table public.orders validate constraint orders_not_void;

-- validate
alter table public.orders validate constraint orders_status;
