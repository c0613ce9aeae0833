-- main, access_exclusive_lock, index_build
alter table public.users add constraint users_email UNIQUE (email) INCLUDE (name);
