-- main, weakens_security
alter policy profiles_owner_write on public.profiles
  with check ((owner_id = ( SELECT auth.uid() AS uid)));
