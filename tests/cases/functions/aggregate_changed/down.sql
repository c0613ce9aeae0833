-- main
drop aggregate public.sum_sq(numeric);

-- main
CREATE AGGREGATE public.sum_sq(numeric) (SFUNC = public.add_sq, STYPE = numeric, INITCOND = '0');
