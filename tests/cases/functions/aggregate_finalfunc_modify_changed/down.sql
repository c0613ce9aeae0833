-- main
CREATE OR REPLACE AGGREGATE public.total_abs(integer) (SFUNC = int4pl, STYPE = integer, FINALFUNC = int4abs);
