-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY events_2024_kind ON public.events_2024 USING btree (kind);
