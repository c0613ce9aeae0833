-- main, rewrites_table, access_exclusive_lock
alter table public.refs alter column code type text;
