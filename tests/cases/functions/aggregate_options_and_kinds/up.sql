-- main
CREATE AGGREGATE public.count_all(*) (SFUNC = int8inc, STYPE = bigint, INITCOND = '0');

-- main
CREATE AGGREGATE public.fm(integer) (SFUNC = int4pl, STYPE = integer, FINALFUNC = int4abs);

-- main
CREATE AGGREGATE public.msum(integer) (SFUNC = int4pl, STYPE = integer, INITCOND = '0', MSFUNC = int4pl, MINVFUNC = int4mi, MSTYPE = integer, MINITCOND = '0', PARALLEL = SAFE);

-- main
CREATE AGGREGATE public.mx(integer) (SFUNC = int4larger, STYPE = integer, SORTOP = OPERATOR(pg_catalog.>));

-- main
CREATE AGGREGATE public.pct(double precision ORDER BY double precision) (SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);

-- main
comment on aggregate public.count_all(*) is 'counts';

-- main
grant execute on function public.count_all() to creo_case_r1;
