create aggregate public.msum_abs(int) (
  sfunc = int4pl, stype = int, finalfunc = int4abs,
  msfunc = int4pl, minvfunc = int4mi, mstype = int, mfinalfunc = int4abs
);
