-- main, weakens_security
create policy notes_delete on public.notes
  as permissive for delete to authenticated
  using ((owner = auth.uid()));
