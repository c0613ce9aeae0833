create table public.events (at date not null, n integer) partition by range (at);
create table public.events_2024 partition of public.events for values from ('2024-01-01') to ('2025-01-01');
create table public.events_other partition of public.events default;
