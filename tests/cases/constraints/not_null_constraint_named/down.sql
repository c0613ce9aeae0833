-- main, access_exclusive_lock
alter table public.users alter column email drop not null;
