-- main, access_exclusive_lock
alter table public.items add column sku text;

-- main, weakens_security
create view public.skus as
SELECT items.id,
    items.sku
   FROM public.items;
