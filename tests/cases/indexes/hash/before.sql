create table public.tokens (id bigint, token text);
