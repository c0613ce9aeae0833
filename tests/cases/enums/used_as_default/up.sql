-- main, access_exclusive_lock
alter table public.posts alter column status drop default;

-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column status type text using status::text;

-- main
drop type public.status;

-- main
create type public.status as enum ('draft', 'live');

-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column status type public.status using status::public.status;

-- main, access_exclusive_lock
alter table public.posts alter column status set default 'draft'::public.status;
