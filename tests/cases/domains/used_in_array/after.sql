create domain public.tag as text check (value ~ '^[a-z]+$');
create table public.posts (id bigint, tags public.tag[]);
