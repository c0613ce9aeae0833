-- main
CREATE OR REPLACE AGGREGATE public.pct_of(double precision ORDER BY double precision) (SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_cont_float8_final, FINALFUNC_MODIFY = SHAREABLE);
