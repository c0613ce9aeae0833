-- main
create table public.measurements (
  id bigint not null,
  taken_on date not null,
  value numeric
) partition by RANGE (taken_on);

-- main
create table public.measurements_2025 partition of public.measurements
  FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');

-- main
create table public.measurements_2026 partition of public.measurements
  FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');

-- main
alter table public.measurements add constraint measurements_pkey PRIMARY KEY (id, taken_on);
