do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_r1') then create role creo_case_r1 nologin; end if; if not exists (select from pg_roles where rolname = 'creo_case_r2') then create role creo_case_r2 nologin; end if; end $$;
create table public.base (id int);
create materialized view public.mv as select id from public.base;
create sequence public.s;
