-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY tokens_token ON public.tokens USING hash (token);
