create table public.blobs (id bigint primary key, data text);
