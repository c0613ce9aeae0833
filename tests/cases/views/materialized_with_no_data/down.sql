-- main, deletes_data
drop materialized view public.sales_total;
