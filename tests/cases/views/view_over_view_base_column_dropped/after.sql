create table public.orders (id bigint, total numeric);
create view public.v1 as select id, total from public.orders;
create view public.v2 as select id from public.v1;
