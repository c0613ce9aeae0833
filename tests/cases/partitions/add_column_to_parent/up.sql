-- main, access_exclusive_lock
alter table public.measurements add column value numeric;
