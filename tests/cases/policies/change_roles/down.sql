-- main
alter policy profiles_read on public.profiles
  to authenticated;
