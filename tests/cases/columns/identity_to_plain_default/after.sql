create table public.parts (id integer not null default 0, name text);
