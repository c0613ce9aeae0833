create table public.archive (id bigint, payload text);
