-- main
CREATE OR REPLACE AGGREGATE public.msum_abs(integer) (SFUNC = int4pl, STYPE = integer, FINALFUNC = int4abs, MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MFINALFUNC = int4abs);
