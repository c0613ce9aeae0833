-- main, rewrites_table, access_exclusive_lock
alter table public.posts alter column scores type bigint[] using scores::bigint[];
