-- main, access_exclusive_lock
alter table public.lines alter column total drop expression;
