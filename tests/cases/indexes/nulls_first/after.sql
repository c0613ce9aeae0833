create table public.tasks (id bigint, due date);
create index tasks_due on public.tasks (due desc nulls last);
