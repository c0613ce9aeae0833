-- main, index_dropped, access_exclusive_lock
alter table public.users drop constraint users_handle_key;

-- main, deletes_data, access_exclusive_lock
alter table public.users drop column handle;
