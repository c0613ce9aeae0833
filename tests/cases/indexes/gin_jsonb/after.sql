create table public.docs (id bigint primary key, body jsonb not null default '{}');
create index docs_body_idx on public.docs using gin (body jsonb_path_ops);
