create table public.names (id bigint, name text);
create index names_c on public.names (name collate "C");
