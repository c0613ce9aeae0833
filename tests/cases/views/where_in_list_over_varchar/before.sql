create table public.tasks (id int, kind varchar(10));
create view public.open_work with (security_invoker = true) as select id from public.tasks where kind in ('bug', 'chore');
