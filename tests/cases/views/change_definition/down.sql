-- main
create or replace view public.priced_items as
SELECT id,
    name,
    price
   FROM public.items
  WHERE (price IS NOT NULL);
