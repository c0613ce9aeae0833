-- main
drop policy notes_update on public.notes;

-- main, weakens_security
create policy notes_update on public.notes
  as permissive for update to authenticated
  using ((owner = auth.uid()));
