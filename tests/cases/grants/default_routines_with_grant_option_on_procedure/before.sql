do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_r1') then create role creo_case_r1 nologin; end if; if not exists (select from pg_roles where rolname = 'creo_case_r2') then create role creo_case_r2 nologin; end if; end $$;
create procedure public.p() language sql as 'select 1';
create aggregate public.a(int) (sfunc = int4pl, stype = int);
