create function public.inc(n integer) returns integer language sql immutable as $$ select n + 1 $$;
