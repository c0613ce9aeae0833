create type public.point3 as (x double precision, y double precision, z double precision);
