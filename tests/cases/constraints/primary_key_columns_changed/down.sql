-- main, index_dropped, access_exclusive_lock
alter table public.memberships drop constraint memberships_pkey;

-- main, access_exclusive_lock, index_build
alter table public.memberships add constraint memberships_pkey PRIMARY KEY (user_id);
