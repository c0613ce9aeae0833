-- main, access_exclusive_lock
alter table public.orders add column note text;
