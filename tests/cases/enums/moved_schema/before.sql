create schema app;
create type public.mood as enum ('ok', 'meh');
