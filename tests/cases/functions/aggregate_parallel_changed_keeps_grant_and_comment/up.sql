-- main
CREATE OR REPLACE AGGREGATE public.total(integer) (SFUNC = int4pl, STYPE = integer, COMBINEFUNC = int4pl, PARALLEL = SAFE);
