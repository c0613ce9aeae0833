-- main, deletes_data, access_exclusive_lock
drop table public.metrics_eu_2024;

-- main, deletes_data, access_exclusive_lock
drop table public.metrics_eu;

-- main, deletes_data, access_exclusive_lock
drop table public.metrics_us;

-- main, deletes_data, access_exclusive_lock
drop table public.metrics;
