create table public.logs (at date not null, msg text) partition by range (at);
create table public.logs_2024 partition of public.logs for values from ('2024-01-01') to ('2025-01-01');
create table public.logs_other partition of public.logs default;
