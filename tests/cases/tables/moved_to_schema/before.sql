create schema app;
create table public.notes (id bigint primary key, body text);
