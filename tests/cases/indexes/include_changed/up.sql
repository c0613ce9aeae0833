-- main, index_dropped
drop index public.orders_customer_placed;

-- concurrent, index_build, not_transactional
CREATE UNIQUE INDEX CONCURRENTLY orders_customer_placed ON public.orders USING btree (customer_id, placed_at) INCLUDE (total, id);
