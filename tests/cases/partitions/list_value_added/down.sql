-- main, access_exclusive_lock
alter table public.orders detach partition public.orders_eu;

-- main, access_exclusive_lock
alter table public.orders attach partition public.orders_eu FOR VALUES IN ('de', 'fr');
