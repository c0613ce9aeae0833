-- A ledger: owners may only read their payments; Stripe webhooks write them as service_role,
-- admins may update them (refunds). The owner reference is `on delete set null` so that revenue
-- figures survive the deletion of a user account.
create table public.payments (
  id uuid primary key default gen_random_uuid(),
  user_id uuid references auth.users (id) on delete set null,
  order_id uuid references public.orders (id) on delete set null,
  stripe_payment_intent_id text not null,
  amount integer not null check (amount > 0),
  currency text not null default 'usd' check (currency ~ '^[a-z]{3}$'),
  status public.payment_status not null default 'pending',
  refund_amount integer not null default 0,
  refunded_at timestamptz,
  credits_purchased integer not null default 0 check (credits_purchased >= 0),
  description text,
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  constraint payments_refund_within_amount check (refund_amount >= 0 and refund_amount <= amount)
);
comment on table public.payments is 'Stripe payments. Read-only for their owner; written by the service role.';
comment on column public.payments.amount is 'In the smallest currency unit (cents).';
alter table public.payments enable row level security;
