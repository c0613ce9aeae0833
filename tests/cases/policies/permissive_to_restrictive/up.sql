-- main
drop policy profiles_gate on public.profiles;

-- main
create policy profiles_gate on public.profiles
  as restrictive for select to authenticated
  using ((owner_id = ( SELECT auth.uid() AS uid)));
