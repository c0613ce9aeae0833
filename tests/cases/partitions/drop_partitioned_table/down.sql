-- main
create table public.events (
  at date not null,
  n integer
) partition by RANGE (at);

-- main
create table public.events_2024 partition of public.events
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- main
create table public.events_other partition of public.events
  DEFAULT;
