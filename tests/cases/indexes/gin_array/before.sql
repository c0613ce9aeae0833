create table public.posts (id bigint, tags text[]);
