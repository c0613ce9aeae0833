create function public.square(x numeric) returns numeric language sql immutable as $$ select x * x $$;
