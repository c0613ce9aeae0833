create function public.first_of(xs anyarray) returns anyelement language sql immutable as $$ select xs[1] $$;
