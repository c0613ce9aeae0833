create table public.t (a integer, b integer);
create view public.v (x, z) as select a, b from public.t;
