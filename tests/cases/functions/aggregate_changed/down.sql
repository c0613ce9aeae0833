-- main
CREATE OR REPLACE AGGREGATE public.sum_sq(numeric) (SFUNC = public.add_sq, STYPE = numeric, INITCOND = '0');
