create schema app;
create type app.mood as enum ('ok', 'meh');
create table public.diary (id bigint, mood app.mood);
