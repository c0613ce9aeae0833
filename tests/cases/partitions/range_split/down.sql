-- main, deletes_data, access_exclusive_lock
drop table public.readings_2025_h2;

-- main, access_exclusive_lock
alter table public.readings detach partition public.readings_2025;

-- main, access_exclusive_lock
alter table public.readings attach partition public.readings_2025 FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
