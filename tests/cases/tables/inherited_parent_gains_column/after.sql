create table public.base (id bigint, updated_at timestamptz);
create table public.child () inherits (public.base);
