-- main
create table public.authors (
  id bigint not null
);

-- main
alter table public.authors add constraint authors_pkey PRIMARY KEY (id);

-- main, share_lock
alter table public.books add constraint books_author_id_fkey FOREIGN KEY (author_id) REFERENCES public.authors(id);
