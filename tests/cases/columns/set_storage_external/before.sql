create table public.documents (id bigint, body text);
