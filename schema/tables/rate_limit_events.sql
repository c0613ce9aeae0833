-- One row per action check_rate_limit() allowed; the sliding window counts them.
create table public.rate_limit_events (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  action_type text not null check (char_length(action_type) between 1 and 100),
  created_at timestamptz not null default now()
);
comment on table public.rate_limit_events is 'Actions counted by check_rate_limit(); written only by it.';
alter table public.rate_limit_events enable row level security;
