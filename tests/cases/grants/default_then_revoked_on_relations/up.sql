-- main
alter default privileges in schema public grant insert, select on tables to creo_case_r1;

-- main
alter default privileges in schema public grant insert, select on tables to creo_case_r2;

-- main
alter default privileges grant select on tables to creo_case_r2 with grant option;

-- main
create schema s2;

-- main
create domain public.d as integer;

-- main
create sequence public.s as bigint increment by 1 minvalue 1 maxvalue 9223372036854775807 start with 1 cache 1 no cycle;

-- main, weakens_security
create view public.v as
SELECT 1 AS x;

-- main
revoke usage on domain public.d from public;

-- main
revoke insert on table public.v from creo_case_r1;

-- main
revoke select on table public.v from creo_case_r2;

-- main
grant insert, select on table public.t to creo_case_r1;

-- main
grant insert on table public.t to creo_case_r2;

-- main
grant select on table public.t to creo_case_r2 with grant option;
