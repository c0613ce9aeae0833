create table public.orders (id bigint, total numeric);
create view public.v1 as select id, total from public.orders;
create view public.v2 as select id, total from public.v1;
create view public.v3 as select count(*) as n from public.v2;
