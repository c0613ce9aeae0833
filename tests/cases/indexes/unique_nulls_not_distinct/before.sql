create table public.slots (room text, at timestamptz);
