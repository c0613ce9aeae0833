-- main
create or replace view public.eu_sales as
SELECT id,
    amount
   FROM public.sales
  WHERE (region = ANY (ARRAY['eu'::text, 'uk'::text]));
