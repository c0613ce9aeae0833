-- main, access_exclusive_lock
alter table public.items add column stock integer default 0;
