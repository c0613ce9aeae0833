create table public.status (code text primary key);
