-- (user_id, status, created_at) leads with user_id, so it also serves the RLS policies.
create index idx_payments_user_status_created on public.payments (user_id, status, created_at);
create index idx_payments_status on public.payments (status);
create index idx_payments_created_at on public.payments (created_at);
-- Unique: one row per Stripe PaymentIntent, which makes webhook retries idempotent.
create unique index idx_payments_stripe_payment_intent_id on public.payments (stripe_payment_intent_id);
create index idx_payments_succeeded on public.payments (created_at) where status = 'succeeded';
create index idx_payments_metadata on public.payments using gin (metadata);
create index idx_payments_order_id on public.payments (order_id);
