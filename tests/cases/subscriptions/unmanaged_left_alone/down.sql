-- main, deletes_data, access_exclusive_lock
alter table public.orders drop column note;
