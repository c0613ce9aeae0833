-- main
create materialized view public.region_total as
SELECT region,
    sum(amount) AS total
   FROM public.sales
  GROUP BY region;

-- main
CREATE UNIQUE INDEX region_total_region ON public.region_total USING btree (region);
