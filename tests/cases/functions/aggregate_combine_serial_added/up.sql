-- main
CREATE OR REPLACE AGGREGATE public.avg_n(numeric) (SFUNC = numeric_avg_accum, STYPE = internal, SSPACE = 128, FINALFUNC = numeric_avg, COMBINEFUNC = numeric_avg_combine, SERIALFUNC = numeric_avg_serialize, DESERIALFUNC = numeric_avg_deserialize, PARALLEL = SAFE);
