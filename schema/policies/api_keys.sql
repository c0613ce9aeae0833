-- Users manage their own keys (create through create_api_key(), rename, revoke, delete);
-- admins manage all.
create policy api_keys_select on public.api_keys
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy api_keys_update on public.api_keys
  for update to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()))
  with check (user_id = (select auth.uid()) or (select private.is_admin()));

create policy api_keys_delete on public.api_keys
  for delete to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
