-- main
create table public.items (
  id bigint generated always as identity (START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) not null,
  name text not null,
  price numeric(10,2),
  created_at timestamp with time zone default now() not null
);

-- main
alter table public.items add constraint items_pkey PRIMARY KEY (id);

-- main
comment on column public.items.name is 'Shown to buyers';

-- main
comment on table public.items is 'Things for sale';
