-- main
alter materialized view public.sales_total reset (fillfactor);
