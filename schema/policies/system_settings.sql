-- Public settings (feature flags the app needs before sign-in) are readable by everyone; the
-- rest by admins, who alone may change settings.
create policy system_settings_select_anon on public.system_settings
  for select to anon
  using (is_public);

create policy system_settings_select on public.system_settings
  for select to authenticated
  using (is_public or (select private.is_admin()));

create policy system_settings_insert on public.system_settings
  for insert to authenticated
  with check ((select private.is_admin()));

create policy system_settings_update on public.system_settings
  for update to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));

create policy system_settings_delete on public.system_settings
  for delete to authenticated
  using ((select private.is_admin()));
