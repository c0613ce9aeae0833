create table public.docs (id bigint, body jsonb);
create index docs_body on public.docs using gin (body);
