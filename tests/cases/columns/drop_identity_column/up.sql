-- main, deletes_data, access_exclusive_lock
alter table public.tags drop column id;
