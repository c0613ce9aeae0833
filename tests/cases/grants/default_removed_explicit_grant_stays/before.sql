do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_r1') then create role creo_case_r1 nologin; end if; end $$;
alter default privileges in schema public grant select on tables to creo_case_r1;
create table public.t (id int);
