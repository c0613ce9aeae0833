-- One row per user (created at sign-up), so the user id is the key.
create table public.user_preferences (
  user_id uuid primary key references auth.users (id) on delete cascade,
  language text not null default 'en' check (language ~ '^[a-z]{2}(-[A-Z]{2})?$'),
  -- Checked against pg_timezone_names by private.validate_user_preferences().
  timezone text not null default 'UTC',
  theme public.ui_theme not null default 'system',
  email_notifications boolean not null default true,
  push_notifications boolean not null default false,
  marketing_emails boolean not null default false,
  notification_settings jsonb not null default '{}'::jsonb check (jsonb_typeof(notification_settings) = 'object'),
  reduced_motion boolean not null default false,
  high_contrast boolean not null default false,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.user_preferences is 'Language, timezone, theme, notification and accessibility settings.';
alter table public.user_preferences enable row level security;
