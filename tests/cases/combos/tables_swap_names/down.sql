-- main, deletes_data, access_exclusive_lock
alter table public.a drop column y;

-- main, deletes_data, access_exclusive_lock
alter table public.b drop column x;

-- main, access_exclusive_lock
alter table public.a add column x integer;

-- main, access_exclusive_lock
alter table public.b add column y text;
