-- concurrent, index_build, not_transactional
CREATE UNIQUE INDEX CONCURRENTLY slots_once ON public.slots USING btree (room, at) NULLS NOT DISTINCT;
