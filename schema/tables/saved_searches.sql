create table public.saved_searches (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 200),
  search_query text not null default '' check (char_length(search_query) <= 1000),
  filters jsonb not null default '{}'::jsonb check (jsonb_typeof(filters) = 'object'),
  is_public boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.saved_searches is 'Saved search queries; public ones are readable by everyone, signed in or not.';
alter table public.saved_searches enable row level security;
