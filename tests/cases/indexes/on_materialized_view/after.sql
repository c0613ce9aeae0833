create table public.sales (id bigint, region text, amount numeric);
create materialized view public.region_totals as select region, sum(amount) as total from public.sales group by region;
create unique index region_totals_region on public.region_totals (region);
