do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_r1') then create role creo_case_r1 nologin; end if; end $$;
create schema s2;
