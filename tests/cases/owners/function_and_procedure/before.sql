do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_owner') then create role creo_case_owner nologin; end if; end $$;
create function public.f() returns integer language sql as $$ select 1 $$;
create procedure public.p() language sql as $$ select 1 $$;
