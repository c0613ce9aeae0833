-- main
create table public.measurements_2026 partition of public.measurements
  FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
