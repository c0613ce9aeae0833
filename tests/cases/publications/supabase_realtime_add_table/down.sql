-- main, stops_replication
alter publication supabase_realtime drop table public.orders;
