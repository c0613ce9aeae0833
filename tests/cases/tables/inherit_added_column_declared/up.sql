-- main, access_exclusive_lock
alter table public.c add column y integer;

-- main, access_exclusive_lock
alter table public.c inherit public.a2;
