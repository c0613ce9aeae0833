-- Users create pending orders and may change (or cancel) them while pending; admins see and
-- update all. Nobody deletes orders through the API: they are records.
create policy orders_select on public.orders
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy orders_insert on public.orders
  for insert to authenticated
  with check (user_id = (select auth.uid()) and status = 'pending');

create policy orders_update on public.orders
  for update to authenticated
  using ((user_id = (select auth.uid()) and status = 'pending') or (select private.is_admin()))
  with check ((user_id = (select auth.uid()) and status in ('pending', 'cancelled')) or (select private.is_admin()));
