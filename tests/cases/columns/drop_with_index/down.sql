-- main, access_exclusive_lock
alter table public.people add column nickname text;

-- main, index_build, share_lock
CREATE INDEX people_nickname ON public.people USING btree (nickname);
