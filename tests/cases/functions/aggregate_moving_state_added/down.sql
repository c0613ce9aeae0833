-- main
CREATE OR REPLACE AGGREGATE public.rsum(integer) (SFUNC = int4pl, STYPE = integer);
