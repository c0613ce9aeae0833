-- main
alter publication supabase_realtime add table public.orders;
