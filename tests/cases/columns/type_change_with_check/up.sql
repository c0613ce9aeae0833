-- main, rewrites_table, access_exclusive_lock
alter table public.ratings alter column stars type integer using stars::integer;
