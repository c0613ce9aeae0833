-- A domain's CHECK with an IN-list over varchar: the list grows under a column of the domain.
create domain public.task_kind as varchar(10) constraint task_kind_known check (value in ('bug', 'chore', 'feature'));
create table public.tasks (id int, kind public.task_kind);
