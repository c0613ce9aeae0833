-- main, weakens_security
create policy notes_insert on public.notes
  as permissive for insert to authenticated
  with check ((owner = auth.uid()));
