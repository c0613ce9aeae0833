-- Only a SHA-256 of the key is stored, plus a short prefix to recognise it in a list. The
-- plaintext is returned once by create_api_key() and cannot be read back.
create table public.api_keys (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  name text not null check (char_length(name) between 1 and 100),
  key_prefix text not null check (char_length(key_prefix) between 4 and 16),
  key_hash text not null unique check (key_hash ~ '^[0-9a-f]{64}$'),
  scopes public.api_key_scope[] not null default array['read']::public.api_key_scope[]
    check (cardinality(scopes) > 0),
  usage_count bigint not null default 0 check (usage_count >= 0),
  last_used_at timestamptz,
  expires_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.api_keys is 'API keys for programmatic access, stored as SHA-256 hashes.';
comment on column public.api_keys.key_hash is 'hex SHA-256 of the full key; the key itself is never stored.';
comment on column public.api_keys.revoked_at is 'Once set, never cleared: a revoked key stays revoked.';
alter table public.api_keys enable row level security;
