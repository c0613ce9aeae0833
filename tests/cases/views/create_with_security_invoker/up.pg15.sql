-- main
create view public.priced_items with (security_invoker=true) as
SELECT items.id,
    items.name,
    items.price
   FROM public.items;
