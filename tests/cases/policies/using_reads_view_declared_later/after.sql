-- The policy reads a view written after it in the file: the plan creates the view first.
create table public.docs (id int primary key, owner_id int);
alter table public.docs enable row level security;
create policy docs_read on public.docs for select
  using (owner_id in (select owner_id from public.allowed_owners));
create view public.allowed_owners with (security_invoker = true) as select 1 as owner_id;
