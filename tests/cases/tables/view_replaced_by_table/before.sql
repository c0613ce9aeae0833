create table public.raw (id bigint, total numeric);
create view public.summary as select count(*) as n, sum(total) as total from public.raw;
