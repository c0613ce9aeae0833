-- main
alter function public.report() reset search_path reset statement_timeout set work_mem to '64MB';
