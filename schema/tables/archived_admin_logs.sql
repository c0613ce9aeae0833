-- Where archive_old_admin_logs() moves audit entries past their retention period: kept out of
-- the hot table and its indexes, still readable by admins.
create table public.archived_admin_logs (
  id uuid primary key,
  admin_id uuid,
  action text not null,
  target_type text not null,
  target_id text,
  details jsonb not null default '{}'::jsonb,
  ip_address inet,
  user_agent text,
  created_at timestamptz not null,
  archived_at timestamptz not null default now()
);
comment on table public.archived_admin_logs is 'admin_logs rows older than the retention period (admin_logs.retention_days).';
comment on column public.archived_admin_logs.admin_id is 'No foreign key: the archive outlives the accounts it mentions.';
alter table public.archived_admin_logs enable row level security;
