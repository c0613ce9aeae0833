create table public.tags (name text);
