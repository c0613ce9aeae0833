do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_owner') then create role creo_case_owner nologin; end if; end $$;
create table public.ledger (id bigint, amount numeric);
create view public.ledger_v as select id from public.ledger;
create materialized view public.ledger_total as select sum(amount) as total from public.ledger;
