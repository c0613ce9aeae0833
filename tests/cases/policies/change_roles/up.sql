-- main, weakens_security
alter policy profiles_read on public.profiles
  to anon, authenticated;
