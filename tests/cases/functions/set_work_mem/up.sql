-- main
alter function public.heavy() set work_mem to '64MB' set statement_timeout to '5s';
