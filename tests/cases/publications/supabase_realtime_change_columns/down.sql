-- main
alter publication supabase_realtime drop table public.orders;

-- main
alter publication supabase_realtime add table public.orders (id, customer);
