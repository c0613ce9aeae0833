-- main
create policy profiles_only_mine on public.profiles
  as restrictive for all to authenticated
  using ((owner_id = ( SELECT auth.uid() AS uid)));
