-- One row per auth.users row, created by private.handle_new_user() at sign-up.
-- Protected columns (role, credits, plan, subscription, stripe_customer_id, email) change only
-- through security-definer functions, an admin, or the service role: column grants keep them
-- out of reach of INSERT, and private.protect_columns() refuses any other UPDATE of them.
create table public.user_profiles (
  id uuid primary key references auth.users (id) on delete cascade,
  email text,
  full_name text check (full_name is null or char_length(full_name) <= 200),
  avatar_url text check (avatar_url is null or avatar_url ~* '^https?://'),
  role public.user_role not null default 'user',
  credits integer not null default 0,
  subscription_plan public.subscription_plan not null default 'free',
  subscription_status public.subscription_status not null default 'active',
  subscription_expires_at timestamptz,
  stripe_customer_id text unique,
  metadata jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  -- A balance can never go below zero, whatever the route (last line of defence for deduct_credits).
  constraint user_profiles_credits_not_negative check (credits >= 0),
  constraint user_profiles_metadata_is_object check (jsonb_typeof(metadata) = 'object')
);
comment on table public.user_profiles is 'Creo''s data about a Supabase Auth user: credits, plan, role.';
comment on column public.user_profiles.email is 'Copy of auth.users.email, kept in sync by trigger; null for phone-only users.';
comment on column public.user_profiles.credits is 'Spendable balance. Changed only by deduct_credits()/add_credits() (or an admin), logged in credit_transactions.';
comment on column public.user_profiles.role is 'admin grants access to every row (private.is_admin()). Not settable by the user.';
alter table public.user_profiles enable row level security;
