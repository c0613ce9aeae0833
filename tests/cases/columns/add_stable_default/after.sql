create table public.sessions (id bigint primary key, created_at timestamptz not null default now());
