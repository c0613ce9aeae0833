create table public.docs (id bigint, title text);
