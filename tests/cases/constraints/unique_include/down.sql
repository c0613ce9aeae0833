-- main, index_dropped, access_exclusive_lock
alter table public.users drop constraint users_email;
