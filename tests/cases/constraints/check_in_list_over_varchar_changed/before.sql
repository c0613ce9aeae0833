create table public.tasks (id int, kind varchar(10), constraint tasks_kind check (kind in ('bug', 'chore')));
