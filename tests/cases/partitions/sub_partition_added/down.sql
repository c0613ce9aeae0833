-- main, deletes_data, access_exclusive_lock
drop table public.metrics_eu_2025;
