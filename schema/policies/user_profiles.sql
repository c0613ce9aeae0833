-- One policy per command and role (lint 0006); JWT helpers and is_admin() wrapped in a
-- sub-select so they run once per statement (lint 0003). Profiles are created by the sign-up
-- trigger and deleted with the auth user, so no role gets INSERT or DELETE policies.
create policy user_profiles_select on public.user_profiles
  for select to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()));

create policy user_profiles_update on public.user_profiles
  for update to authenticated
  using (id = (select auth.uid()) or (select private.is_admin()))
  with check (id = (select auth.uid()) or (select private.is_admin()));
