create table public.events (id bigint, kind text, at timestamptz);
