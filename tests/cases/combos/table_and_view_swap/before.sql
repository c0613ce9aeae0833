create table public.src (id bigint, v numeric);
create view public.report as select id, v from public.src;
create table public.report_cache (id bigint, v numeric);
