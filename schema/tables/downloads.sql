create table public.downloads (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references auth.users (id) on delete cascade,
  order_id uuid references public.orders (id) on delete set null,
  asset_id text,
  file_name text not null check (char_length(file_name) between 1 and 255),
  file_url text not null check (file_url ~* '^https?://'),
  file_size bigint check (file_size is null or file_size >= 0),
  -- A MIME type such as image/jpeg.
  file_type text check (file_type is null or file_type ~ '^[a-z]+/[a-z0-9][a-z0-9.+-]*$'),
  folder text check (folder is null or char_length(folder) <= 255),
  metadata jsonb not null default '{}'::jsonb check (jsonb_typeof(metadata) = 'object'),
  download_count integer not null default 0 check (download_count >= 0),
  last_downloaded_at timestamptz,
  -- Set at insert from system_settings 'downloads.link_ttl_hours' when not given
  -- (private.set_download_expiry()); expired links are not served and
  -- cleanup_expired_downloads() deactivates them.
  expires_at timestamptz not null,
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
comment on table public.downloads is 'A user''s downloadable files. Links expire; owners see only active, unexpired ones.';
alter table public.downloads enable row level security;
