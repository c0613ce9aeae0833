create table public.ticks (at timestamptz, v numeric);
