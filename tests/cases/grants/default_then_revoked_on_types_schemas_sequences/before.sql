do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_r1') then create role creo_case_r1 nologin; end if; if not exists (select from pg_roles where rolname = 'creo_case_r2') then create role creo_case_r2 nologin; end if; end $$;
alter default privileges grant usage on types to creo_case_r1;
alter default privileges grant usage on schemas to creo_case_r1;
alter default privileges grant select on sequences to creo_case_r2;
