-- main, index_dropped
drop index public.events_2024_kind;

-- main, index_build, share_lock
CREATE INDEX events_kind ON public.events USING btree (kind);
