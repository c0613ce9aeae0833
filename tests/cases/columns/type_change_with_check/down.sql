-- main, deletes_data, rewrites_table, access_exclusive_lock
alter table public.ratings alter column stars type smallint using stars::smallint;
