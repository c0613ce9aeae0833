-- main, index_dropped
drop index public.p_price;

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY p_price ON public.p USING btree (price, qty);

-- post
alter table public.p cluster on p_price;
