-- main, weakens_security
create policy notes_all on public.notes
  as permissive for all to public
  using (true);
