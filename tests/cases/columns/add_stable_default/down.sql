-- main, deletes_data, access_exclusive_lock
alter table public.sessions drop column created_at;
