create table public.counters (id bigint primary key, n bigint);
create function public.total() returns bigint language sql stable begin atomic select sum(n) from public.counters; end;
