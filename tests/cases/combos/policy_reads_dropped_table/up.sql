-- main
drop policy docs_team on public.docs;

-- main, deletes_data, access_exclusive_lock
drop table public.members;

-- main, weakens_security
create policy docs_team on public.docs
  as permissive for select to authenticated
  using (false);
