-- The sign-up trigger creates the row; a user may create it if it is missing, and change it.
create policy user_preferences_select on public.user_preferences
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy user_preferences_insert on public.user_preferences
  for insert to authenticated
  with check (user_id = (select auth.uid()));

create policy user_preferences_update on public.user_preferences
  for update to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()))
  with check (user_id = (select auth.uid()) or (select private.is_admin()));
