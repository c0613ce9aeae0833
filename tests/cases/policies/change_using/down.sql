-- main, weakens_security
alter policy profiles_owner_read on public.profiles
  using ((owner_id = ( SELECT auth.uid() AS uid)));
