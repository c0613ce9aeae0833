-- main, weakens_security
create view public.priced_items as
SELECT id,
    name,
    price
   FROM public.items
  WHERE (price IS NOT NULL);
