create table public.jobs (id bigint);
grant all on public.jobs to service_role;
