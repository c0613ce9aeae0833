-- Only the moving-aggregate side changes: its final function's modify mode and its state
-- size hint (MFINALFUNC_MODIFY, MSSPACE).
create aggregate public.msum_abs(int) (
  sfunc = int4pl, stype = int, finalfunc = int4abs,
  msfunc = int4pl, minvfunc = int4mi, mstype = int, msspace = 16, mfinalfunc = int4abs,
  mfinalfunc_modify = read_write
);
