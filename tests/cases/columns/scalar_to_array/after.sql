create table public.posts (id bigint, tag text[]);
