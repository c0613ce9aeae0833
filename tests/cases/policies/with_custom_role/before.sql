do $$ begin if not exists (select from pg_roles where rolname = 'creo_case_reader') then create role creo_case_reader nologin; end if; end $$;
create table public.docs (id bigint, owner uuid);
alter table public.docs enable row level security;
create policy docs_read on public.docs for select to authenticated using (true);
