-- main, access_exclusive_lock
alter table public.items alter column price type numeric(12,2) using price::numeric(12,2);
