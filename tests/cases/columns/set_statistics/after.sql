create table public.measurements (id bigint, reading double precision);
alter table public.measurements alter column reading set statistics 1000;
