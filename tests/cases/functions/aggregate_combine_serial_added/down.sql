-- main
CREATE OR REPLACE AGGREGATE public.avg_n(numeric) (SFUNC = numeric_avg_accum, STYPE = internal, FINALFUNC = numeric_avg);
