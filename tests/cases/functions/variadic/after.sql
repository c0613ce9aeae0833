create function public.total(variadic xs numeric[]) returns numeric language sql immutable as $$ select sum(x) from unnest(xs) as x $$;
