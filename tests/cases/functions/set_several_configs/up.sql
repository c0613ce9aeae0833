-- main
alter function public.report() set work_mem to '128MB' set statement_timeout to '30s' set search_path to 'pg_catalog', 'public';
