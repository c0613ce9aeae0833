-- main, access_exclusive_lock
alter table public.logs detach partition public.logs_h1;

-- main, access_exclusive_lock
alter table public.logs attach partition public.logs_h1 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
