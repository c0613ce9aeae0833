create function public.inc(x integer) returns integer language sql immutable as $$ select x + 1 $$;
