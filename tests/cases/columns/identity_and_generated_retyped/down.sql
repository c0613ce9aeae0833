-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.g alter column b type integer;

-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.items alter column id type integer using id::integer;

-- main, access_exclusive_lock
alter table public.items alter column id set maxvalue 2147483647 restart with 1;

-- main, access_exclusive_lock
alter table public.n alter column id drop identity;

-- main, access_exclusive_lock
alter table public.n alter column id drop not null;
