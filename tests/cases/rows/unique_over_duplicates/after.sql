create table public.items (id bigint primary key, email text unique);
