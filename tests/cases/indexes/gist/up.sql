-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY zones_area ON public.zones USING gist (area);
