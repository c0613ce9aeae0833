-- Owners see only downloads that can still be served (active, unexpired): expired links are
-- not served. Admins see and update all. Nobody deletes through the API.
create policy downloads_select on public.downloads
  for select to authenticated
  using (
    (user_id = (select auth.uid()) and is_active and expires_at > now())
    or (select private.is_admin())
  );

create policy downloads_insert on public.downloads
  for insert to authenticated
  with check (
    user_id = (select auth.uid())
    and (order_id is null
         or exists (select 1 from public.orders o where o.id = order_id and o.user_id = (select auth.uid())))
  );

create policy downloads_update on public.downloads
  for update to authenticated
  using (
    (user_id = (select auth.uid()) and is_active and expires_at > now())
    or (select private.is_admin())
  )
  with check (user_id = (select auth.uid()) or (select private.is_admin()));
