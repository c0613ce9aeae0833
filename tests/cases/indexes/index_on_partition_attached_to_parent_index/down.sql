-- main, index_dropped
drop index public.events_kind;

-- main, index_build, share_lock
CREATE INDEX events_2024_kind ON public.events_2024 USING btree (kind);
