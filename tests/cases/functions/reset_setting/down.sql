-- main
alter function public.heavy() set statement_timeout to '5s';
