create table public.tree (id bigint primary key, parent_id bigint);
