-- main
create table public.orders (
  id bigint generated always as identity (START WITH 1 INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 CACHE 1 NO CYCLE) not null,
  item_id bigint not null,
  quantity integer default 1 not null
);

-- main
alter table public.orders add constraint orders_pkey PRIMARY KEY (id);
