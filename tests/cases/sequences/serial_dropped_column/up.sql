-- main, deletes_data, access_exclusive_lock
alter table public.things drop column id;
