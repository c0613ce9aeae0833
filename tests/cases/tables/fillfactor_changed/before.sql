create table public.hot (id bigint primary key, n integer) with (fillfactor = 90);
