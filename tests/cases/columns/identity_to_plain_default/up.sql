-- main, access_exclusive_lock
alter table public.parts alter column id drop identity;

-- main, access_exclusive_lock
alter table public.parts alter column id set default 0;
