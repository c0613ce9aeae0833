-- main, deletes_data, access_exclusive_lock
drop table public.ledger;
