-- main, deletes_data, access_exclusive_lock
alter table public.base drop column updated_at;
