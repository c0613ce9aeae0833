-- main, access_exclusive_lock
alter table public.orders alter column id set generated always;

-- main, access_exclusive_lock
alter table public.orders alter column id set start with 100 set increment by 5 set cache 10;
