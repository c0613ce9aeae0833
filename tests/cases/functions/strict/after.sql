create function public.double(x integer) returns integer language sql immutable strict as $$ select x * 2 $$;
