do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_analyst') then create role creo_case_analyst nologin; end if; end $$;
create table public.metrics (id bigint, v numeric);
grant select on public.metrics to creo_case_analyst;
