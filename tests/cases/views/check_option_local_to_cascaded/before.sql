create table public.tasks (id bigint, done boolean, urgent boolean);
create view public.open_tasks as select id, done, urgent from public.tasks where not done;
create view public.urgent_open_tasks as select id, done, urgent from public.open_tasks where urgent with local check option;
