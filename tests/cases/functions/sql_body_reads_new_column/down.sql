-- main, deletes_data, access_exclusive_lock
alter table public.accounts drop column balance;

-- main, deletes_data, access_exclusive_lock
drop table public.entries;

-- main
drop function public.total_balance();
