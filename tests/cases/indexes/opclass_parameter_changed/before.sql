create table public.docs (id bigint, body tsvector);
create index docs_body on public.docs using gist (body tsvector_ops (siglen = 128));
