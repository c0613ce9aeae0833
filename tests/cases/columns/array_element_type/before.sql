create table public.posts (id bigint, scores integer[]);
