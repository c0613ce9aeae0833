-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column status type text using status::text;

-- main
drop type public.status;

-- main
create type public.status as enum ('draft', 'published');

-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column status type public.status using status::public.status;
