create function public.slow(x integer) returns integer language sql as $$ select x $$;
