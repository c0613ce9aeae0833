create function public.double(x integer) returns integer language sql immutable returns null on null input as $$ select x * 2 $$;
