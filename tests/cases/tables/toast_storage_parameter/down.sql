-- main, access_exclusive_lock
alter table public.blobs reset (autovacuum_enabled);
