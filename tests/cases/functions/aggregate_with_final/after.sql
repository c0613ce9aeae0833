create function public.avg_acc(acc numeric[], x numeric) returns numeric[] language sql immutable as $$ select array[acc[1] + x, acc[2] + 1] $$;
create function public.avg_final(acc numeric[]) returns numeric language sql immutable as $$ select case when acc[2] = 0 then null else acc[1] / acc[2] end $$;
create aggregate public.my_avg(numeric) (sfunc = public.avg_acc, stype = numeric[], finalfunc = public.avg_final, initcond = '{0,0}', parallel = safe);
