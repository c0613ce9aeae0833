-- main
create extension if not exists citext with schema extensions;

-- main
create table public.accounts (
  id bigint not null,
  email extensions.citext not null
);

-- main
alter table public.accounts add constraint accounts_pkey PRIMARY KEY (id);

-- main
comment on extension citext is 'data type for case-insensitive character strings';
