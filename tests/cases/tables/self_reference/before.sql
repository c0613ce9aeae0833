create table public.nodes (id bigint primary key);
