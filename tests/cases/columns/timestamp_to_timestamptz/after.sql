create table public.logins (id bigint, at timestamp with time zone default now());
