create table public.p (id int primary key, price numeric not null, qty int not null); create materialized view public.mv as select id, price from public.p; create index mv_price on public.mv (price);
