create table public.src (id bigint, v numeric);
create table public.report (id bigint, v numeric);
create view public.report_cache as select id, v from public.src;
