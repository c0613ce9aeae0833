create table public.reports (id bigint);
grant select on public.reports to authenticated with grant option;
