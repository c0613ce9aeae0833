-- main, access_exclusive_lock
alter table public.events enable row level security;

-- main, weakens_security
create policy events_owner on public.events
  as permissive for select to authenticated
  using ((owner = auth.uid()));
