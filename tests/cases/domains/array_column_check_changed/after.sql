create domain public.tag as text constraint tag_chars check (value ~ '^[a-z0-9]+$');
create table public.posts (id bigint, tags public.tag[]);
