-- EXECUTE, granted explicitly. PostgreSQL gives EXECUTE to PUBLIC on every new function and
-- the legacy Supabase default gives it to the API roles too, so each function first loses all
-- of that. anon can run nothing. Functions meant for one's own account check auth.uid()
-- inside; admin and maintenance functions check private.is_privileged() inside and raise
-- 'admin privileges required' for anyone else.

revoke all on function public.get_user_credits(uuid) from public, anon, authenticated, service_role;
grant execute on function public.get_user_credits(uuid) to authenticated, service_role;

revoke all on function public.deduct_credits(uuid, integer) from public, anon, authenticated, service_role;
grant execute on function public.deduct_credits(uuid, integer) to authenticated, service_role;

revoke all on function public.add_credits(uuid, integer, public.credit_reason) from public, anon, authenticated, service_role;
grant execute on function public.add_credits(uuid, integer, public.credit_reason) to authenticated, service_role;

revoke all on function public.get_user_stats(uuid) from public, anon, authenticated, service_role;
grant execute on function public.get_user_stats(uuid) to authenticated, service_role;

revoke all on function public.get_system_stats() from public, anon, authenticated, service_role;
grant execute on function public.get_system_stats() to authenticated, service_role;

revoke all on function public.get_user_activity_summary(uuid, integer) from public, anon, authenticated, service_role;
grant execute on function public.get_user_activity_summary(uuid, integer) to authenticated, service_role;

revoke all on function public.check_rate_limit(uuid, text, integer, interval) from public, anon, authenticated, service_role;
grant execute on function public.check_rate_limit(uuid, text, integer, interval) to authenticated, service_role;
revoke all on function public.prune_rate_limit_events(interval) from public, anon, authenticated, service_role;
grant execute on function public.prune_rate_limit_events(interval) to authenticated, service_role;

revoke all on function public.cleanup_expired_downloads() from public, anon, authenticated, service_role;
grant execute on function public.cleanup_expired_downloads() to authenticated, service_role;

revoke all on function public.archive_old_admin_logs(integer) from public, anon, authenticated, service_role;
grant execute on function public.archive_old_admin_logs(integer) to authenticated, service_role;

revoke all on function public.validate_system_integrity() from public, anon, authenticated, service_role;
grant execute on function public.validate_system_integrity() to authenticated, service_role;

revoke all on function public.get_database_stats() from public, anon, authenticated, service_role;
grant execute on function public.get_database_stats() to authenticated, service_role;

revoke all on function public.log_admin_action(text, text, text, jsonb) from public, anon, authenticated, service_role;
grant execute on function public.log_admin_action(text, text, text, jsonb) to authenticated, service_role;

revoke all on function public.record_download(uuid) from public, anon, authenticated, service_role;
grant execute on function public.record_download(uuid) to authenticated, service_role;

-- Creating a key needs a signed-in user (the key belongs to auth.uid()).
revoke all on function public.create_api_key(text, public.api_key_scope[], timestamptz) from public, anon, authenticated, service_role;
grant execute on function public.create_api_key(text, public.api_key_scope[], timestamptz) to authenticated;

-- Validating keys is the backend's job: it authenticates API requests as service_role.
revoke all on function public.validate_api_key(text, public.api_key_scope) from public, anon, authenticated, service_role;
grant execute on function public.validate_api_key(text, public.api_key_scope) to service_role;
