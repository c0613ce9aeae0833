-- main, index_dropped
drop index public.jobs_due;

-- main, index_build, share_lock
CREATE INDEX jobs_due ON public.jobs USING btree (run_at) WHERE (state = ANY (ARRAY['queued'::text, 'retry'::text]));
