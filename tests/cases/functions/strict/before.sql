create function public.double(x integer) returns integer language sql immutable as $$ select x * 2 $$;
