-- main, deletes_data, access_exclusive_lock
alter table public.measurements drop column value;
