create table public.hosts (id bigint, addr inet, name text);
