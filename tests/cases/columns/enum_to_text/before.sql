create type public.mood as enum ('happy', 'sad');
create table public.diary (id bigint, mood public.mood);
