create table public.measurements (id bigint not null, taken_on date not null, value numeric, primary key (id, taken_on)) partition by range (taken_on);
create table public.measurements_2025 partition of public.measurements for values from ('2025-01-01') to ('2026-01-01');
create table public.measurements_2026 partition of public.measurements for values from ('2026-01-01') to ('2027-01-01');
