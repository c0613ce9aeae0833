-- main, access_exclusive_lock
alter table public.queue reset (autovacuum_vacuum_scale_factor);
