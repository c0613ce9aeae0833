-- main, access_exclusive_lock
alter table public.tags add constraint tags_pkey PRIMARY KEY (name);
