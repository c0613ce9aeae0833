create table public.members (id bigint, email text);
