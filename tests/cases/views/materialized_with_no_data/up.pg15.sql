-- main
create materialized view public.sales_total as
SELECT sum(sales.amount) AS total
   FROM public.sales
with no data;
