create function public.report() returns int language sql set work_mem = '64MB' as 'select 1';
