-- main, index_dropped
drop index public.people_full_name;

-- main
alter table public.people drop column full_name;

-- main, access_exclusive_lock
alter table public.people add column full_name text generated always as (((last || ', '::text) || first)) stored;

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY people_full_name ON public.people USING btree (full_name);
