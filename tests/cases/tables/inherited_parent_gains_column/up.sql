-- main, access_exclusive_lock
alter table public.base add column updated_at timestamp with time zone;
