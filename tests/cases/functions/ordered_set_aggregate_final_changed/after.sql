-- A percentile-like ordered-set aggregate moves from the discrete to the interpolated final
-- function (which takes no extra argument), in place: the view that calls it stays.
create table public.samples (x float8);
create aggregate public.pct_of(float8 order by float8) (
  sfunc = ordered_set_transition, stype = internal,
  finalfunc = percentile_cont_float8_final, finalfunc_modify = shareable
);
create view public.median as select public.pct_of(0.5) within group (order by x) as m from public.samples;
