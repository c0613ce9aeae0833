-- main
alter function public.heavy() reset statement_timeout reset work_mem;
