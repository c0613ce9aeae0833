-- Every change of a credit balance made through deduct_credits()/add_credits() or at sign-up,
-- with the balance after it: balances can be audited, and concurrency tests can check that
-- nothing was lost. Read-only for owners; written only by security-definer functions.
create table public.credit_transactions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  amount integer not null check (amount <> 0),
  balance_after integer not null check (balance_after >= 0),
  reason public.credit_reason not null,
  created_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now()
);
comment on table public.credit_transactions is 'Credit ledger: positive amounts add, negative ones deduct.';
alter table public.credit_transactions enable row level security;
