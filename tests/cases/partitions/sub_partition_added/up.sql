-- main
create table public.metrics_eu_2025 partition of public.metrics_eu
  FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
