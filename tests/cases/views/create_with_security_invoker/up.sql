-- main
create view public.priced_items with (security_invoker=true) as
SELECT id,
    name,
    price
   FROM public.items;
