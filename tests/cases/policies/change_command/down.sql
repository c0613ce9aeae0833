-- main
drop policy profiles_owner on public.profiles;

-- main, weakens_security
create policy profiles_owner on public.profiles
  as permissive for select to authenticated
  using ((owner_id = ( SELECT auth.uid() AS uid)));
