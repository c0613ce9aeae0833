create table public.items (id bigint primary key, amount integer);
