create table public.a (id bigint);
