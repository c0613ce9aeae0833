create domain public.tag as text constraint tag_chars check (value ~ '^[a-z]+$');
create table public.posts (id bigint, tags public.tag[]);
