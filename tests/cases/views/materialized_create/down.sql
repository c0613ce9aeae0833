-- main
drop materialized view public.item_counts;
