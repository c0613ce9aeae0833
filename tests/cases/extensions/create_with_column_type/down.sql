-- main, deletes_data, access_exclusive_lock
drop table public.accounts;

-- main, deletes_data
drop extension citext;
