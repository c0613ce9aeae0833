-- main, index_dropped, access_exclusive_lock
alter table public.r drop constraint r_pkey;

-- main, access_exclusive_lock, index_build
alter table public.r add constraint r_pkey PRIMARY KEY (id, during WITHOUT OVERLAPS);
