-- main
create materialized view public.item_counts as
SELECT count(*) AS n
   FROM public.items;
