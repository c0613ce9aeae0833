create type public.tag as enum ('a', 'c');
create table public.things (id bigint, tags public.tag[]);
