create table public.base (id bigint, created_at timestamptz);
create table public.child (id bigint, created_at timestamptz, extra text);
