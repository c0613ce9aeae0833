-- main, access_exclusive_lock
alter table public.blobs set (autovacuum_enabled=false);
