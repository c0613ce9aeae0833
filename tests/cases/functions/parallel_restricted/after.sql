create function public.square(x numeric) returns numeric language sql immutable parallel restricted as $$ select x * x $$;
