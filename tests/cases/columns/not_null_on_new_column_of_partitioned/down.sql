-- main, deletes_data, access_exclusive_lock
alter table public.readings drop column source;
