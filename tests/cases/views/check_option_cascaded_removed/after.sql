create table public.tasks (id bigint, done boolean);
create view public.open_tasks as select id, done from public.tasks where not done;
