create function public.slow(x integer) returns integer language sql cost 1000 as $$ select x $$;
