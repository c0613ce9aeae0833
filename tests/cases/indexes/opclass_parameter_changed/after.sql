-- Only the operator class's parameter changes: the index is built again.
create table public.docs (id bigint, body tsvector);
create index docs_body on public.docs using gist (body tsvector_ops (siglen = 512));
