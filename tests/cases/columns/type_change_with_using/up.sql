-- main, rewrites_table, access_exclusive_lock
alter table public.events alter column happened type timestamp with time zone using happened::timestamp with time zone;
