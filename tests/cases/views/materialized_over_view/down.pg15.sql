-- main
create or replace view public.eu_sales as
SELECT sales.id,
    sales.amount
   FROM public.sales
  WHERE (sales.region = 'eu'::text);
