create table public.base (id bigint, created_at timestamptz);
create table public.child (extra text) inherits (public.base);
