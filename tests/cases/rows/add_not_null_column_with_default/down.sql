-- main, deletes_data, access_exclusive_lock
alter table public.items drop column category;
