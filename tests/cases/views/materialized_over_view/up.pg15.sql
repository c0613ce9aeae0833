-- main
create or replace view public.eu_sales as
SELECT sales.id,
    sales.amount
   FROM public.sales
  WHERE (sales.region = ANY (ARRAY['eu'::text, 'uk'::text]));
