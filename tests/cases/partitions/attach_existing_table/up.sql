-- main, access_exclusive_lock
alter table public.logs attach partition public.logs_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
