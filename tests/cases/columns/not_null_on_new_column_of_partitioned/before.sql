create table public.readings (at date not null, v numeric) partition by range (at);
create table public.readings_2024 partition of public.readings for values from ('2024-01-01') to ('2025-01-01');
