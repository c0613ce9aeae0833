-- main, stops_replication
alter publication shop drop table public.payments;
