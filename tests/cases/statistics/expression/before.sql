create table public.people (id bigint, email text);
