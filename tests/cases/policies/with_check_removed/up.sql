-- main
drop policy notes_write on public.notes;

-- main, weakens_security
create policy notes_write on public.notes
  as permissive for all to authenticated
  using ((owner = auth.uid()));
