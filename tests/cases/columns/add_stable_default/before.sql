create table public.sessions (id bigint primary key);
