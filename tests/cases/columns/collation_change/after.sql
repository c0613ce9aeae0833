create table public.names (id bigint, name text collate "C");
