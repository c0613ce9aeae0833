-- main
alter policy notes_update on public.notes
  with check (((owner = auth.uid()) AND (body <> ''::text)));
