-- main, access_exclusive_lock, index_build
alter table public.events add constraint events_pkey PRIMARY KEY (id, at);
