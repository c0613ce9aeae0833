-- main, access_exclusive_lock
alter table public.orders alter column number drop default;
