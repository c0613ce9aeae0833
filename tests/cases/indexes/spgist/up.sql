-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY hosts_addr ON public.hosts USING spgist (addr);

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY hosts_name ON public.hosts USING spgist (name);
