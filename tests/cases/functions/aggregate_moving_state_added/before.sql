create table public.readings (at int primary key, v int);
create aggregate public.rsum(int) (sfunc = int4pl, stype = int);
create view public.rolling as
  select at, public.rsum(v) over (order by at rows between 2 preceding and current row) as total
  from public.readings;
