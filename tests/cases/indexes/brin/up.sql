-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY ticks_at ON public.ticks USING brin (at) WITH (pages_per_range='32');
