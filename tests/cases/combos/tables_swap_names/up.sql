-- main, deletes_data, access_exclusive_lock
alter table public.a drop column x;

-- main, deletes_data, access_exclusive_lock
alter table public.b drop column y;

-- main, access_exclusive_lock
alter table public.a add column y text;

-- main, access_exclusive_lock
alter table public.b add column x integer;
