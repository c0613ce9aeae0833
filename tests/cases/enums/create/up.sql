-- main
create type public.status as enum ('draft', 'published');

-- main
create table public.posts (
  id bigint not null,
  title text not null,
  status public.status default 'draft'::public.status not null
);

-- main
alter table public.posts add constraint posts_pkey PRIMARY KEY (id);
