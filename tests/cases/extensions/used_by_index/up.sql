-- main
create extension if not exists pg_trgm with schema public;

-- main
comment on extension pg_trgm is 'text similarity measurement and index searching based on trigrams';

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY docs_title_trgm ON public.docs USING gin (title public.gin_trgm_ops);
