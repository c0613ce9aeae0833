-- private.* is not exposed through the Data API. Policies, views and invoker triggers evaluated
-- as authenticated/service_role call is_admin() and is_privileged(), so those two are granted;
-- everything else runs only inside SECURITY DEFINER code or as a trigger (PostgreSQL checks a
-- trigger function's EXECUTE only when the trigger is created), so it is granted to nobody.

revoke all on function private.is_admin() from public, anon, authenticated, service_role;
grant execute on function private.is_admin() to authenticated, service_role;

revoke all on function private.is_privileged() from public, anon, authenticated, service_role;
grant execute on function private.is_privileged() to authenticated, service_role;

revoke all on function private.assert_privileged() from public, anon, authenticated, service_role;
revoke all on function private.assert_self_or_privileged(uuid) from public, anon, authenticated, service_role;
revoke all on function private.setting(text, jsonb) from public, anon, authenticated, service_role;
revoke all on function private.set_updated_at() from public, anon, authenticated, service_role;
revoke all on function private.set_updated_by() from public, anon, authenticated, service_role;
revoke all on function private.protect_columns() from public, anon, authenticated, service_role;
revoke all on function private.enforce_order_status_transition() from public, anon, authenticated, service_role;
revoke all on function private.enforce_order_initial_status() from public, anon, authenticated, service_role;
revoke all on function private.set_download_expiry() from public, anon, authenticated, service_role;
revoke all on function private.keep_api_key_revoked() from public, anon, authenticated, service_role;
revoke all on function private.validate_user_preferences() from public, anon, authenticated, service_role;
revoke all on function private.handle_new_user() from public, anon, authenticated, service_role;
revoke all on function private.sync_user_email() from public, anon, authenticated, service_role;
revoke all on function private.audit_admin_change() from public, anon, authenticated, service_role;
