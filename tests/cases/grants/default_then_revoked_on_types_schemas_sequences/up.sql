-- main
create schema s2;

-- main
create domain public.d as integer;

-- main
create type public.e as enum ('a');

-- main
create sequence public.s as bigint increment by 1 minvalue 1 maxvalue 9223372036854775807 start with 1 cache 1 no cycle;

-- main
create table public.t (
  id integer generated always as identity (START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 CACHE 1 NO CYCLE) not null
);

-- main
revoke usage on schema s2 from creo_case_r1;

-- main
revoke select on sequence public.s from creo_case_r2;

-- main
revoke usage on domain public.d from creo_case_r1;
