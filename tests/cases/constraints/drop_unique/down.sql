-- main, access_exclusive_lock, index_build
alter table public.items add constraint items_name_key UNIQUE (name);
