create table public.things (id bigserial primary key, name text);
