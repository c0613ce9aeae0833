-- Redefined, the materialized view stays unpopulated (WITH NO DATA): nothing runs its query
-- until someone refreshes it.
create table public.sales (id bigint, amount numeric, region text);
create materialized view public.sales_by_region as
  select region, sum(amount) as total, count(*) as sales from public.sales group by region with no data;
