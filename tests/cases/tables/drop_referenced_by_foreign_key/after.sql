create table public.books (id bigint primary key, author_id bigint);
