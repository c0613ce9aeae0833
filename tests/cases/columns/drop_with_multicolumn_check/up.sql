-- main, access_exclusive_lock
alter table public.periods drop constraint ordered;

-- main, deletes_data, access_exclusive_lock
alter table public.periods drop column ends;
