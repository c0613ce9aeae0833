-- main
create domain public.email as text;

-- main
alter domain public.email add constraint email_check CHECK ((VALUE ~ '^[^@]+@[^@]+$'::text));

-- main
create table public.users (
  id bigint not null,
  email public.email not null
);

-- main
alter table public.users add constraint users_pkey PRIMARY KEY (id);
