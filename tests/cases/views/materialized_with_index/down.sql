-- main, deletes_data
drop materialized view public.item_names;
