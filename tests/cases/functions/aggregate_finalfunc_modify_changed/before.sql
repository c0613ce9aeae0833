create aggregate public.total_abs(int) (sfunc = int4pl, stype = int, finalfunc = int4abs);
