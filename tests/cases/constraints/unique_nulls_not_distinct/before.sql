create table public.slots (id bigint, room text, starts_at timestamptz);
