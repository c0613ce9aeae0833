-- main
create table public.items (
  id bigint generated always as identity (START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) not null,
  name text not null,
  price numeric(10,2),
  created_at timestamp with time zone default now() not null
);

-- main
create table public.orders (
  id bigint generated always as identity (START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) not null,
  item_id bigint not null,
  quantity integer default 1 not null
);

-- main
alter table public.items add constraint items_pkey PRIMARY KEY (id);

-- main
alter table public.orders add constraint orders_pkey PRIMARY KEY (id);

-- main
CREATE INDEX orders_item_id_idx ON public.orders USING btree (item_id);
