-- main, deletes_data, access_exclusive_lock
drop table public.lookup;

-- main, index_build, share_lock
CREATE INDEX lookup ON public.items USING btree (name);
