create table public.docs (id bigint, owner uuid);
alter table public.docs enable row level security;
create policy docs_read on public.docs for select to creo_case_reader using (true);
