-- main
alter function public.heavy() reset statement_timeout;
