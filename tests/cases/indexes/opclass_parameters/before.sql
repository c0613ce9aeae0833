create table public.docs (id bigint, body tsvector, seen_at bigint);
