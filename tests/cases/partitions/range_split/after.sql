create table public.readings (id bigint not null, taken_on date not null, value numeric)
  partition by range (taken_on);
create table public.readings_2025 partition of public.readings
  for values from ('2025-01-01') to ('2025-07-01');
create table public.readings_2025_h2 partition of public.readings
  for values from ('2025-07-01') to ('2026-01-01');
