create table public.items (id bigint, name text);
create index lookup on public.items (name);
