-- main, deletes_data, access_exclusive_lock
alter table public.notes drop column body;
