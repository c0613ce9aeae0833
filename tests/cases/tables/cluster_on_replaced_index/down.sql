-- main, index_dropped
drop index public.p_price;

-- main, index_build, share_lock
CREATE INDEX p_price ON public.p USING btree (price);

-- main
alter table public.p cluster on p_price;
