-- main, index_dropped
drop index public.jobs_due;

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY jobs_due ON public.jobs USING btree (run_at) WHERE (state = ANY (ARRAY['queued'::text, 'retry'::text, 'delayed'::text]));
