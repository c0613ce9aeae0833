-- main
create table public.docs (
  id bigint,
  owner uuid
);

-- main
alter table public.docs enable row level security;

-- main
create policy docs_owner on public.docs
  as permissive for all to authenticated
  using ((owner = auth.uid()));
