create function public.heavy() returns integer language sql set work_mem = '64MB' set statement_timeout = '5s' as $$ select 1 $$;
