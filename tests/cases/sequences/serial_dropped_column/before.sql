create table public.things (name text, id serial);
