-- Every status, type and plan is an enum: the Data API and `supabase gen types` then carry the
-- allowed values, and a typo fails at write time. New values are added with
-- `alter type ... add value`, which never rewrites a table.

create type public.user_role as enum ('user', 'admin');
comment on type public.user_role is 'Who a user is to Creo. Only admins or the service role may change it.';

create type public.subscription_plan as enum ('free', 'basic', 'pro', 'enterprise');

create type public.subscription_status as enum ('active', 'trialing', 'past_due', 'canceled', 'inactive');

create type public.order_type as enum ('stock_download', 'ai_generation');

-- pending -> processing -> completed | failed | cancelled, and pending -> cancelled
-- (enforced by private.enforce_order_status_transition()).
create type public.order_status as enum ('pending', 'processing', 'completed', 'failed', 'cancelled');

-- Stripe PaymentIntent outcomes plus the refund states Creo tracks.
create type public.payment_status as enum (
  'pending', 'processing', 'succeeded', 'failed', 'canceled', 'refunded', 'partially_refunded'
);

create type public.api_key_scope as enum ('read', 'write', 'download', 'generate');

create type public.ui_theme as enum ('light', 'dark', 'system');

-- Why credits moved: every change of user_profiles.credits made by a function is recorded.
create type public.credit_reason as enum ('signup_bonus', 'purchase', 'deduction', 'admin_grant', 'refund');
