create table public.docs (id bigint, owner uuid);
alter table public.docs enable row level security;
create policy docs_owner on public.docs for all to authenticated using (owner = auth.uid());
