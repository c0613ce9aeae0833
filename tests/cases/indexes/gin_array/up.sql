-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY posts_tags ON public.posts USING gin (tags);
