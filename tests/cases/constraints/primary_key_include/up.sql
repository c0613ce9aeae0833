-- main, access_exclusive_lock, index_build
alter table public.orders add constraint orders_pkey PRIMARY KEY (id) INCLUDE (total);
