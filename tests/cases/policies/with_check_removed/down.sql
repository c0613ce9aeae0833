-- main
alter policy notes_write on public.notes
  with check ((owner = auth.uid()));
