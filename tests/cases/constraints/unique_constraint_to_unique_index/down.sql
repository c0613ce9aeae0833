-- main, index_dropped
drop index public.users_email_key;

-- main, access_exclusive_lock, index_build
alter table public.users add constraint users_email_key UNIQUE (email);
