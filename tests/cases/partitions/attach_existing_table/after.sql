create table public.logs (at date not null, msg text) partition by range (at);
create table public.logs_2025 partition of public.logs for values from ('2025-01-01') to ('2026-01-01');
