create table public.sessions (id bigint primary key, token uuid not null default gen_random_uuid());
