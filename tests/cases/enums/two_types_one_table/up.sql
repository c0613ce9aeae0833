-- main
create type public.status as enum ('draft', 'published');

-- main
create type public.visibility as enum ('private', 'public');

-- main
create table public.posts (
  id bigint not null,
  status public.status,
  visibility public.visibility
);

-- main
alter table public.posts add constraint posts_pkey PRIMARY KEY (id);
