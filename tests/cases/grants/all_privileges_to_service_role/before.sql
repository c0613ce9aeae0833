create table public.jobs (id bigint);
grant select on public.jobs to service_role;
