-- main
alter table public.p alter column qty set (n_distinct=100);
