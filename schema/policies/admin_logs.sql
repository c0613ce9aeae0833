-- Readable by admins only; written only by log_admin_action() (SECURITY DEFINER).
create policy admin_logs_select on public.admin_logs
  for select to authenticated
  using ((select private.is_admin()));

create policy archived_admin_logs_select on public.archived_admin_logs
  for select to authenticated
  using ((select private.is_admin()));
