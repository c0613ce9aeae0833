do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_a') then create role creo_case_a nologin; end if; if not exists (select from pg_roles where rolname = 'creo_case_b') then create role creo_case_b nologin; end if; if not exists (select from pg_roles where rolname = 'creo_case_reader') then create role creo_case_reader nologin; end if; end $$;
alter default privileges for role creo_case_a in schema public grant select on tables to creo_case_reader;
create table public.t (id int);
alter table public.t owner to creo_case_a;
