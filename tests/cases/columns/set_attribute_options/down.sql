-- main
alter table public.p alter column qty reset (n_distinct);
