create table public.tags (name text, id bigint generated always as identity);
