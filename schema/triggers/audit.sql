-- Admin changes through the Data API are written to admin_logs (private.audit_admin_change():
-- target_type, key column, owner column, 'always' to log changes to the admin's own rows too).
create trigger audit_admin_change after insert or update or delete on public.user_profiles
  for each row execute function private.audit_admin_change('user', 'id', 'id', 'always');
create trigger audit_admin_change after insert or update or delete on public.orders
  for each row execute function private.audit_admin_change('order', 'id', 'user_id');
create trigger audit_admin_change after insert or update or delete on public.downloads
  for each row execute function private.audit_admin_change('download', 'id', 'user_id');
create trigger audit_admin_change after insert or update or delete on public.payments
  for each row execute function private.audit_admin_change('payment', 'id', 'user_id', 'always');
create trigger audit_admin_change after insert or update or delete on public.api_keys
  for each row execute function private.audit_admin_change('api_key', 'id', 'user_id');
create trigger audit_admin_change after insert or update or delete on public.user_preferences
  for each row execute function private.audit_admin_change('user_preferences', 'user_id', 'user_id');
create trigger audit_admin_change after insert or update or delete on public.saved_searches
  for each row execute function private.audit_admin_change('saved_search', 'id', 'user_id');
create trigger audit_admin_change after insert or update or delete on public.system_settings
  for each row execute function private.audit_admin_change('system_setting', 'key', '', 'always');
