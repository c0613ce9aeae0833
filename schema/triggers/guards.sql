-- Columns only admins, the service role and SECURITY DEFINER functions may change. Column
-- grants already keep most of them out of an end user's UPDATE; these triggers hold even if a
-- grant is widened later, and they cover the columns admins may edit through the API.
create trigger protect_columns before update on public.user_profiles
  for each row execute function private.protect_columns(
    'id', 'email', 'role', 'credits', 'subscription_plan', 'subscription_status',
    'subscription_expires_at', 'stripe_customer_id');

create trigger protect_columns before update on public.orders
  for each row execute function private.protect_columns(
    'user_id', 'order_type', 'total_cost', 'credits_used', 'error_message', 'completed_at');

create trigger protect_columns before update on public.downloads
  for each row execute function private.protect_columns(
    'user_id', 'order_id', 'file_url', 'expires_at', 'is_active', 'download_count', 'last_downloaded_at');

create trigger protect_columns before update on public.api_keys
  for each row execute function private.protect_columns(
    'user_id', 'key_hash', 'key_prefix', 'scopes', 'usage_count', 'last_used_at', 'expires_at');

create trigger keep_revoked before update of revoked_at on public.api_keys
  for each row execute function private.keep_api_key_revoked();

create trigger validate_preferences before insert or update on public.user_preferences
  for each row execute function private.validate_user_preferences();
