create table public.readings (id bigint not null, taken_on date not null, value numeric)
  partition by range (taken_on);
create table public.readings_2025 partition of public.readings
  for values from ('2025-01-01') to ('2026-01-01');
insert into public.readings values (1, '2025-03-01', 1.5), (2, '2025-05-01', 2.5);
