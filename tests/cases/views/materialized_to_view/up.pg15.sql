-- main, access_exclusive_lock
drop materialized view public.sales_total;

-- main, weakens_security
create view public.sales_total as
SELECT sum(sales.amount) AS total
   FROM public.sales;
