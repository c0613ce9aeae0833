-- main, access_exclusive_lock
drop materialized view public.mv;

-- main
create materialized view public.mv as
SELECT p.id,
    p.price
   FROM public.p;

-- main
CREATE INDEX mv_price ON public.mv USING btree (price);

-- main
alter materialized view public.mv cluster on mv_price;
