-- main, index_dropped
drop index public.tasks_due;

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY tasks_due ON public.tasks USING btree (due DESC NULLS LAST);
