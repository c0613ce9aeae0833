-- A partial index over an IN-list of text: the list changes, the index is built again.
create table public.jobs (id int, state text, run_at timestamptz);
create index jobs_due on public.jobs (run_at) where state in ('queued', 'retry', 'delayed');
