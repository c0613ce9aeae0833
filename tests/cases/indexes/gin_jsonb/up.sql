-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY docs_body_idx ON public.docs USING gin (body jsonb_path_ops);
