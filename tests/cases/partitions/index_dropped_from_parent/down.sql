-- main, index_build, share_lock
CREATE INDEX events_kind ON public.events USING btree (kind);
