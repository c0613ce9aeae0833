create table public.people (id bigint primary key);
