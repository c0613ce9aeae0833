-- Foreign keys and RLS filter columns of the remaining tables (lint 0001, SUPABASE.md section 7).
create index idx_api_keys_user_id on public.api_keys (user_id);

create index idx_saved_searches_user_id on public.saved_searches (user_id);
create index idx_saved_searches_public on public.saved_searches (created_at) where is_public;
create index idx_saved_searches_filters on public.saved_searches using gin (filters);
create index idx_saved_searches_name_trgm on public.saved_searches using gin (name extensions.gin_trgm_ops);

create index idx_admin_logs_admin_id on public.admin_logs (admin_id);
create index idx_admin_logs_created_at on public.admin_logs (created_at);
create index idx_admin_logs_target on public.admin_logs (target_type, target_id);
create index idx_archived_admin_logs_created_at on public.archived_admin_logs (created_at);

create index idx_system_settings_updated_by on public.system_settings (updated_by);

create index idx_credit_transactions_user_created on public.credit_transactions (user_id, created_at);
create index idx_credit_transactions_created_by on public.credit_transactions (created_by);

-- check_rate_limit() counts one user's actions of one type within a window.
create index idx_rate_limit_events_lookup on public.rate_limit_events (user_id, action_type, created_at);
