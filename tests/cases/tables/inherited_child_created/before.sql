create table public.base (id bigint, created_at timestamptz);
