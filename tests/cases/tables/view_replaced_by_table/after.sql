create table public.raw (id bigint, total numeric);
create table public.summary (n bigint, total numeric);
