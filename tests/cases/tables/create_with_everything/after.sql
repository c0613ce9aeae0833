create table public.accounts (
  id bigint generated always as identity primary key,
  email text not null unique,
  plan text not null default 'free' check (plan in ('free', 'pro')),
  balance numeric(12,2) not null default 0,
  created_at timestamptz not null default now()
) with (fillfactor = 80);
create index accounts_created_at on public.accounts (created_at desc);
comment on table public.accounts is 'one row per paying customer';
