-- post
alter materialized view public.mv cluster on mv_price;
