-- main, deletes_data
drop materialized view public.region_total;
