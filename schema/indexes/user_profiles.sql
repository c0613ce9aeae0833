-- The guide's primary indexes. The primary key (id) already serves the RLS policies.
create index idx_user_profiles_email on public.user_profiles (email);
create index idx_user_profiles_subscription_plan on public.user_profiles (subscription_plan);
create index idx_user_profiles_created_at on public.user_profiles (created_at);
-- JSONB and fuzzy name search.
create index idx_user_profiles_metadata on public.user_profiles using gin (metadata);
create index idx_user_profiles_full_name_trgm on public.user_profiles using gin (full_name extensions.gin_trgm_ops);
