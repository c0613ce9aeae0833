-- main, index_dropped
drop index public.tasks_due;

-- main, index_build, share_lock
CREATE INDEX tasks_due ON public.tasks USING btree (due);
