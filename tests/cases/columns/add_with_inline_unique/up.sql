-- main, access_exclusive_lock
alter table public.users add column handle text;

-- main, access_exclusive_lock, index_build
alter table public.users add constraint users_handle_key UNIQUE (handle);
