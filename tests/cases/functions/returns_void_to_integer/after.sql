create function public.noop() returns integer language sql as $$ select 1 $$;
