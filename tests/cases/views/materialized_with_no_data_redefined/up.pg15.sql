-- main, access_exclusive_lock
drop materialized view public.sales_by_region;

-- main
create materialized view public.sales_by_region as
SELECT sales.region,
    sum(sales.amount) AS total,
    count(*) AS sales
   FROM public.sales
  GROUP BY sales.region
with no data;
