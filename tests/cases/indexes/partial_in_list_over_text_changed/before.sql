create table public.jobs (id int, state text, run_at timestamptz);
create index jobs_due on public.jobs (run_at) where state in ('queued', 'retry');
