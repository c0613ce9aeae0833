-- Configuration and feature flags, keyed by a dotted name. Public rows are readable by
-- everyone (the app reads feature flags before sign-in); the rest only by admins.
create table public.system_settings (
  key text primary key check (key ~ '^[a-z][a-z0-9_]*(\.[a-z0-9_]+)*$'),
  value jsonb not null,
  description text,
  category text not null default 'general'
    check (category in ('general', 'credits', 'downloads', 'api', 'security', 'billing', 'features')),
  is_public boolean not null default false,
  updated_by uuid references auth.users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.system_settings is 'Dynamic configuration and feature flags (category ''features'').';
alter table public.system_settings enable row level security;
