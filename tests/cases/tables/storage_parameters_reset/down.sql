-- main, access_exclusive_lock
alter table public.queue set (autovacuum_vacuum_scale_factor=0.01);
