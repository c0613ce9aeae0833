-- Moving-aggregate mode: a window frame that slides subtracts the row leaving it (MINVFUNC)
-- instead of summing the frame again. CREATE OR REPLACE AGGREGATE adds it in place: the
-- view that calls the aggregate stays.
create table public.readings (at int primary key, v int);
create aggregate public.rsum(int) (sfunc = int4pl, stype = int, msfunc = int4pl, minvfunc = int4mi, mstype = int);
create view public.rolling as
  select at, public.rsum(v) over (order by at rows between 2 preceding and current row) as total
  from public.readings;
