-- main, deletes_data, access_exclusive_lock
drop table public.q;

-- main
alter table public.p alter column qty set (n_distinct=100, n_distinct_inherited=5);
