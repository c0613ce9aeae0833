create type public.point3 as (x double precision, y double precision, z double precision);
create table public.points of public.point3 (primary key (x, y, z));
