create function public.add_sq(acc numeric, x numeric) returns numeric language sql immutable as $$ select acc + x * x $$;
create aggregate public.sum_sq(numeric) (sfunc = public.add_sq, stype = numeric, initcond = '0');
