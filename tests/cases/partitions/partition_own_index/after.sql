create table public.events (at date not null, kind text) partition by range (at);
create table public.events_2024 partition of public.events for values from ('2024-01-01') to ('2025-01-01');
create index events_2024_kind on public.events_2024 (kind);
