-- main, index_build, share_lock
CREATE UNIQUE INDEX events_id_at ON public.events USING btree (id, at);
