-- main, rewrites_table, access_exclusive_lock
alter table public.users alter column handle type text collate "default" using handle::text;

-- main
drop collation public.sorted;

-- main
create collation public.sorted (lc_collate = 'C', lc_ctype = 'C');

-- main, access_exclusive_lock
alter table public.users alter column handle type text collate public.sorted using handle::text;
