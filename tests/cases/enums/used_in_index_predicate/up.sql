-- main, index_dropped
drop index public.posts_live;

-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column status type text using status::text;

-- main
drop type public.status;

-- main
create type public.status as enum ('draft', 'live');

-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column status type public.status using status::public.status;

-- concurrent, index_build, not_transactional
CREATE INDEX CONCURRENTLY posts_live ON public.posts USING btree (id) WHERE (status = 'live'::public.status);
