-- main, access_exclusive_lock
alter table public.items alter column price drop not null;
