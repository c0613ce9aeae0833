-- main
create table public.metrics (
  region text not null,
  at date not null,
  v numeric
) partition by LIST (region);

-- main
create table public.metrics_eu partition of public.metrics
  FOR VALUES IN ('eu') partition by RANGE (at);

-- main
create table public.metrics_eu_2024 partition of public.metrics_eu
  FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');

-- main
create table public.metrics_us partition of public.metrics
  FOR VALUES IN ('us');
