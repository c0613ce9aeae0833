-- main
create extension if not exists pg_trgm with schema extensions;

-- main
comment on extension pg_trgm is 'text similarity measurement and index searching based on trigrams';

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY items_name_trgm_idx ON public.items USING gin (name extensions.gin_trgm_ops);
