-- main, access_exclusive_lock
alter table public.items alter column id drop identity;
