create domain public.task_kind as varchar(10) constraint task_kind_known check (value in ('bug', 'chore'));
create table public.tasks (id int, kind public.task_kind);
