create table public.items (id bigint, name text);
create table public.lookup (name text primary key);
