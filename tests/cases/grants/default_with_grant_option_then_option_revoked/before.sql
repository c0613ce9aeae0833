do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_r1') then create role creo_case_r1 nologin; end if; end $$;
alter default privileges in schema public grant select on tables to creo_case_r1 with grant option;
alter default privileges grant usage on sequences to creo_case_r1 with grant option;
create table public.t (id int);
create sequence public.s;
