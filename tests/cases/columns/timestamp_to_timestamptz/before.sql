create table public.logins (id bigint, at timestamp without time zone default now());
