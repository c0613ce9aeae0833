create extension if not exists pg_trgm with schema public;
create table public.docs (id bigint, title text);
create index docs_title_trgm on public.docs using gin (title public.gin_trgm_ops);
