create table public.ticks (at timestamptz, v numeric);
create index ticks_at on public.ticks using brin (at) with (pages_per_range = 32);
