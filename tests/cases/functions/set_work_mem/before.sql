create function public.heavy() returns integer language sql as $$ select 1 $$;
