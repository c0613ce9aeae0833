create table public.legacy (id serial primary key, name text);
