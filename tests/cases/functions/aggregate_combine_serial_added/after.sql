-- Partial aggregation: COMBINEFUNC merges two workers' states, and an internal state
-- crosses between processes through SERIALFUNC/DESERIALFUNC; SSPACE is the planner's hint.
create aggregate public.avg_n(numeric) (
  sfunc = numeric_avg_accum, stype = internal, sspace = 128, finalfunc = numeric_avg,
  combinefunc = numeric_avg_combine, serialfunc = numeric_avg_serialize,
  deserialfunc = numeric_avg_deserialize, parallel = safe
);
