-- Credit ledger and rate-limit counters: owners may read theirs, admins all; only
-- SECURITY DEFINER functions write them.
create policy credit_transactions_select on public.credit_transactions
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));

create policy rate_limit_events_select on public.rate_limit_events
  for select to authenticated
  using (user_id = (select auth.uid()) or (select private.is_admin()));
