-- main, deletes_data, access_exclusive_lock
alter table public.events drop column obsolete;
