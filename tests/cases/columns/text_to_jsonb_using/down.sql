-- main, rewrites_table, access_exclusive_lock
alter table public.settings alter column data type text;
