create table public.metrics (id bigint, v numeric);
grant select on public.metrics to creo_case_analyst;
