create table public.tokens (id bigint, token text);
create index tokens_token on public.tokens using hash (token);
