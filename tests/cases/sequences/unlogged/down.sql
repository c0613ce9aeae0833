-- main, rewrites_table, access_exclusive_lock
alter sequence public.scratch_ids set logged;
