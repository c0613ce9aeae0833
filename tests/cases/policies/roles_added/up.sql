-- main, weakens_security
alter policy notes_read on public.notes
  to anon, authenticated, service_role;
