create table public.cache (key text primary key, value jsonb);
