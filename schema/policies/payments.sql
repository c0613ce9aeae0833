-- Read-only for the owner; admins may update (refunds). Inserts come from the service role
-- (Stripe webhooks), which bypasses RLS.
create policy payments_select on public.payments
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy payments_update on public.payments
  for update to authenticated
  using ((select private.is_admin()))
  with check ((select private.is_admin()));
