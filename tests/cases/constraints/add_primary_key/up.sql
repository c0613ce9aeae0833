-- main, access_exclusive_lock, index_build
alter table public.tags add constraint tags_pkey PRIMARY KEY (name);
