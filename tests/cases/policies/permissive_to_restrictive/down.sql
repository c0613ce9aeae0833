-- main, weakens_security
drop policy profiles_gate on public.profiles;

-- main, weakens_security
create policy profiles_gate on public.profiles
  as permissive for select to authenticated
  using ((owner_id = ( SELECT auth.uid() AS uid)));
