-- main, access_exclusive_lock
alter table public.logs attach partition public.logs_2023 FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
