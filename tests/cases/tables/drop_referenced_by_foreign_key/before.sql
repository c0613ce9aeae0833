create table public.authors (id bigint primary key);
create table public.books (id bigint primary key, author_id bigint references public.authors (id));
