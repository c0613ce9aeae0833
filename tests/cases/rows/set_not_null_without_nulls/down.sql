-- main, access_exclusive_lock
alter table public.items alter column name drop not null;
