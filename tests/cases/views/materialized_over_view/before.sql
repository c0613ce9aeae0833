create table public.sales (id bigint, region text, amount numeric);
create view public.eu_sales as select id, amount from public.sales where region = 'eu';
create materialized view public.eu_total as select sum(amount) as total from public.eu_sales;
