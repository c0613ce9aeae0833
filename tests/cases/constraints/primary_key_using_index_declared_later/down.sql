-- main, index_dropped, access_exclusive_lock
alter table public.accounts drop constraint accounts_email_key;

-- main, index_dropped, access_exclusive_lock
alter table public.accounts drop constraint accounts_pkey;
