-- main, rewrites_table, access_exclusive_lock
alter table public.events alter column happened type text;
