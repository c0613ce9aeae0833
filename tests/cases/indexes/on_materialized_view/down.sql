-- main, index_dropped
drop index public.region_totals_region;
