-- main, weakens_security
alter policy docs_read on public.docs
  to authenticated;
