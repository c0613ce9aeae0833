-- main
create schema inventory;

-- main
create table inventory.items (
  id bigint not null,
  name text
);

-- main
alter table inventory.items add constraint items_pkey PRIMARY KEY (id);

-- main, weakens_security
create view inventory.item_names as
SELECT name
   FROM inventory.items;
