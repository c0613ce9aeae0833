create aggregate public.avg_n(numeric) (sfunc = numeric_avg_accum, stype = internal, finalfunc = numeric_avg);
