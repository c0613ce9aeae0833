create type public.tag as enum ('a', 'b');
create table public.things (id bigint, tags public.tag[]);
