-- The audit trail. Append-only: rows are written by log_admin_action() (called directly or by
-- the audit triggers) and moved to archived_admin_logs by archive_old_admin_logs(); no API role
-- may update or delete them. The actor reference survives the actor's deletion (set null).
create table public.admin_logs (
  id uuid primary key default gen_random_uuid(),
  admin_id uuid references auth.users (id) on delete set null,
  action text not null check (char_length(action) between 1 and 100),
  target_type text not null check (target_type in (
    'user', 'order', 'download', 'payment', 'api_key', 'user_preferences',
    'saved_search', 'system_setting', 'admin_log', 'system'
  )),
  target_id text,
  details jsonb not null default '{}'::jsonb check (jsonb_typeof(details) = 'object'),
  ip_address inet,
  user_agent text,
  created_at timestamptz not null default now()
);
comment on table public.admin_logs is 'Audit trail of administrative actions (append-only).';
comment on column public.admin_logs.target_id is 'Text, since targets are uuids or setting keys.';
comment on column public.admin_logs.ip_address is 'From the x-forwarded-for request header PostgREST passes in request.headers.';
alter table public.admin_logs enable row level security;
