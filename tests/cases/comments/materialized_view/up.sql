-- main
comment on materialized view public.sales_total is 'refreshed nightly';
