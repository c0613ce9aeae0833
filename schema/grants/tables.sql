-- Explicit privileges for every table, so the schema behaves the same whether the project
-- grants the API roles everything by default (legacy) or nothing (the 2026 default): first
-- revoke whatever default privileges gave, then grant exactly what the policies expect.
-- RLS decides which rows; these grants decide which commands and columns. Column lists keep
-- keys, owners, timestamps, balances and counters out of end users' writes.

revoke all on table public.user_profiles from anon, authenticated, service_role;
grant select on table public.user_profiles to authenticated;
-- role and the subscription columns are for admins: private.protect_columns() refuses them to
-- anyone else. credits is in no list: balances move only through add_credits()/deduct_credits().
grant update (full_name, avatar_url, metadata, role, subscription_plan, subscription_status, subscription_expires_at)
  on table public.user_profiles to authenticated;
grant select, insert, update, delete on table public.user_profiles to service_role;

revoke all on table public.orders from anon, authenticated, service_role;
grant select on table public.orders to authenticated;
grant insert (user_id, order_type, total_cost, credits_used, items, metadata) on table public.orders to authenticated;
grant update (status, items, metadata, total_cost, credits_used, error_message, completed_at)
  on table public.orders to authenticated;
grant select, insert, update, delete on table public.orders to service_role;

revoke all on table public.downloads from anon, authenticated, service_role;
grant select on table public.downloads to authenticated;
grant insert (user_id, order_id, asset_id, file_name, file_url, file_size, file_type, folder, metadata)
  on table public.downloads to authenticated;
grant update (file_name, folder, metadata, is_active, expires_at) on table public.downloads to authenticated;
grant select, insert, update, delete on table public.downloads to service_role;

-- A ledger: the service role writes, nobody deletes.
revoke all on table public.payments from anon, authenticated, service_role;
grant select on table public.payments to authenticated;
grant update (status, refund_amount, refunded_at, description, metadata) on table public.payments to authenticated;
grant select, insert, update on table public.payments to service_role;

-- No INSERT: keys are created by create_api_key(), which alone knows the plaintext.
revoke all on table public.api_keys from anon, authenticated, service_role;
grant select, delete on table public.api_keys to authenticated;
grant update (name, revoked_at, scopes, expires_at) on table public.api_keys to authenticated;
grant select, insert, update, delete on table public.api_keys to service_role;

revoke all on table public.user_preferences from anon, authenticated, service_role;
grant select on table public.user_preferences to authenticated;
grant insert (user_id, language, timezone, theme, email_notifications, push_notifications, marketing_emails,
              notification_settings, reduced_motion, high_contrast)
  on table public.user_preferences to authenticated;
grant update (language, timezone, theme, email_notifications, push_notifications, marketing_emails,
              notification_settings, reduced_motion, high_contrast)
  on table public.user_preferences to authenticated;
grant select, insert, update, delete on table public.user_preferences to service_role;

revoke all on table public.saved_searches from anon, authenticated, service_role;
grant select on table public.saved_searches to anon;
grant select, delete on table public.saved_searches to authenticated;
grant insert (user_id, name, search_query, filters, is_public) on table public.saved_searches to authenticated;
grant update (name, search_query, filters, is_public) on table public.saved_searches to authenticated;
grant select, insert, update, delete on table public.saved_searches to service_role;

-- Append-only audit trail: readable, written by log_admin_action() only.
revoke all on table public.admin_logs from anon, authenticated, service_role;
grant select on table public.admin_logs to authenticated, service_role;

revoke all on table public.archived_admin_logs from anon, authenticated, service_role;
grant select on table public.archived_admin_logs to authenticated, service_role;

revoke all on table public.system_settings from anon, authenticated, service_role;
grant select on table public.system_settings to anon;
grant select, delete on table public.system_settings to authenticated;
grant insert (key, value, description, category, is_public) on table public.system_settings to authenticated;
grant update (value, description, category, is_public) on table public.system_settings to authenticated;
grant select, insert, update, delete on table public.system_settings to service_role;

revoke all on table public.credit_transactions from anon, authenticated, service_role;
grant select on table public.credit_transactions to authenticated, service_role;

revoke all on table public.rate_limit_events from anon, authenticated, service_role;
grant select on table public.rate_limit_events to authenticated;
grant select, delete on table public.rate_limit_events to service_role;
