create table public.events (id int, at timestamptz);
