create table public.hot (id bigint, n integer);
create index hot_n on public.hot (n) with (fillfactor = 90);
