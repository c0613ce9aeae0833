-- main
alter materialized view public.sales_total set (fillfactor=70);
