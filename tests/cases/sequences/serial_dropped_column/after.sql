create table public.things (name text);
