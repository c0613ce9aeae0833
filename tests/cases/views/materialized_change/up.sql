-- main, access_exclusive_lock
drop materialized view public.item_counts;

-- main
create materialized view public.item_counts as
SELECT count(*) AS n,
    max(price) AS top
   FROM public.items;
