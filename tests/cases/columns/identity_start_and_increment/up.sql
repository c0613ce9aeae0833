-- main, access_exclusive_lock
alter table public.tickets alter column id set start with 1000 set increment by 5;
