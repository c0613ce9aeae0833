create function public.sfn(state int, v int) returns int language sql immutable as 'select state + v';
create aggregate public.count_all(*) (sfunc = int8inc, stype = int8, initcond = '0');
comment on aggregate public.count_all(*) is 'counts';
grant execute on function public.count_all() to creo_case_r1;
create aggregate public.pct(float8 order by float8) (sfunc = ordered_set_transition, stype = internal, finalfunc = percentile_disc_final, finalfunc_extra);
create aggregate public.msum(int) (sfunc = int4pl, stype = int, initcond = '0', msfunc = int4pl, minvfunc = int4mi, mstype = int, minitcond = '0', parallel = safe);
create aggregate public.mx(int) (sfunc = int4larger, stype = int, sortop = >);
create aggregate public.fm(int) (sfunc = int4pl, stype = int, finalfunc = int4abs, finalfunc_modify = read_only);
