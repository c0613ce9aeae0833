create table public.sales (id bigint, amount numeric, region text);
create materialized view public.sales_by_region as
  select region, sum(amount) as total from public.sales group by region with no data;
