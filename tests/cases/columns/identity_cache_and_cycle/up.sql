-- main, access_exclusive_lock
alter table public.slots alter column id set cache 20 set cycle;
