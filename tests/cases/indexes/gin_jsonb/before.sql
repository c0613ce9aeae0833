create table public.docs (id bigint primary key, body jsonb not null default '{}');
