create function public.double(x integer) returns integer language sql immutable called on null input as $$ select x * 2 $$;
