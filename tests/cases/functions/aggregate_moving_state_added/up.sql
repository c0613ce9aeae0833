-- main
CREATE OR REPLACE AGGREGATE public.rsum(integer) (SFUNC = int4pl, STYPE = integer, MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer);
