create table public.measurements (id bigint, reading double precision);
