-- main, deletes_data, access_exclusive_lock
alter table public.bands drop column other;
