create domain public.d as int;
create type public.e as enum ('a');
