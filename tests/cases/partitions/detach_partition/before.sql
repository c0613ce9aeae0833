create table public.logs (at date not null, msg text) partition by range (at);
create table public.logs_2023 partition of public.logs for values from ('2023-01-01') to ('2024-01-01');
