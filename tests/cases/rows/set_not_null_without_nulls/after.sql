create table public.items (id bigint primary key, name text not null);
