-- main, access_exclusive_lock
alter table public.readings detach partition public.readings_2025;

-- main
create table public.readings_2025_h2 partition of public.readings
  FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');

-- main, access_exclusive_lock
alter table public.readings attach partition public.readings_2025 FOR VALUES FROM ('2025-01-01') TO ('2025-07-01');
