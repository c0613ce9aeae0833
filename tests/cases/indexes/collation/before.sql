create table public.names (id bigint, name text);
