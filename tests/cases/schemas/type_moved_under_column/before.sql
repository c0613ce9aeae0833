create schema app;
create type public.mood as enum ('ok', 'meh');
create table public.diary (id bigint, mood public.mood);
