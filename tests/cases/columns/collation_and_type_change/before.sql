create table public.names (id bigint, name varchar(50) collate "C");
