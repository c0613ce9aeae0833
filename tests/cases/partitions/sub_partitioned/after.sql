create table public.metrics (region text not null, at date not null, v numeric) partition by list (region);
create table public.metrics_eu partition of public.metrics for values in ('eu') partition by range (at);
create table public.metrics_eu_2024 partition of public.metrics_eu for values from ('2024-01-01') to ('2025-01-01');
create table public.metrics_us partition of public.metrics for values in ('us');
