-- A quoted SQL body (checked when created, unlike plpgsql's) calls a function written
-- after it in the file: the callee is created first.
create function public.answer() returns int language sql as 'select public.base_answer() + 1';
create function public.base_answer() returns int language sql as 'select 41';
