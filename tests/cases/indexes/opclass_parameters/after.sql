-- Operator classes that take parameters: a GiST signature length, a BRIN multi-minmax
-- range size.
create table public.docs (id bigint, body tsvector, seen_at bigint);
create index docs_body on public.docs using gist (body tsvector_ops (siglen = 256));
create index docs_seen_at on public.docs using brin (seen_at int8_minmax_multi_ops (values_per_range = 16));
