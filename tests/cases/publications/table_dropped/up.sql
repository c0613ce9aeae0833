-- main, stops_replication
alter publication shop drop table public.payments;

-- main, deletes_data, access_exclusive_lock
drop table public.payments;
