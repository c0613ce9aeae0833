do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_owner') then create role creo_case_owner nologin; end if; end $$;
create table public.ledger (id bigint);
