create function public.heavy() returns integer language sql set work_mem = '64MB' as $$ select 1 $$;
