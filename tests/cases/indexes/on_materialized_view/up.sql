-- concurrent, index_build, not_transactional
CREATE UNIQUE INDEX CONCURRENTLY region_totals_region ON public.region_totals USING btree (region);
