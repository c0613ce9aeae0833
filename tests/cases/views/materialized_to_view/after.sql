create table public.sales (id bigint, amount numeric);
create view public.sales_total as select sum(amount) as total from public.sales;
