-- main
create materialized view public.region_total as
SELECT sales.region,
    sum(sales.amount) AS total
   FROM public.sales
  GROUP BY sales.region;

-- main
CREATE UNIQUE INDEX region_total_region ON public.region_total USING btree (region);
