create table public.t (a integer, b integer);
create view public.v (x, y) as select a, b from public.t;
