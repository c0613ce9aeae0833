-- main, access_exclusive_lock
alter table public.users alter column handle type text collate public.sorted;
