-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column tag type text[] using tag::text[];
