create function public.square(x numeric) returns numeric language sql immutable parallel safe as $$ select x * x $$;
