-- main, index_build, share_lock
CREATE INDEX measurements_value_idx ON public.measurements USING btree (value);
