-- main, index_dropped
drop index public.people_full_name;

-- main
alter table public.people drop column full_name;

-- main, access_exclusive_lock
alter table public.people add column full_name text generated always as (((first || ' '::text) || last)) stored;

-- main, index_build, share_lock
CREATE INDEX people_full_name ON public.people USING btree (full_name);
