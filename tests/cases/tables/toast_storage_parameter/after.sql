create table public.blobs (id bigint primary key, data text) with (toast.autovacuum_enabled = false, autovacuum_enabled = false);
