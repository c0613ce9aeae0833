-- main, access_exclusive_lock
alter table public.orders alter column number set default nextval('public.order_numbers'::regclass);
