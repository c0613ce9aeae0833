create table public.sales (id bigint, amount numeric);
create materialized view public.sales_total with (fillfactor = 70) as select sum(amount) as total from public.sales;
