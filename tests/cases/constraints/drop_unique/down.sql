-- main, access_exclusive_lock
alter table public.items add constraint items_name_key UNIQUE (name);
