-- main
alter policy notes_read on public.notes
  to authenticated;
