create table public.readonly (id bigint);
