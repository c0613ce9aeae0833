create table public.paths (id bigint, path text);
