-- main
create schema inventory;

-- main
CREATE OR REPLACE FUNCTION inventory.count_items()
 RETURNS bigint
 LANGUAGE sql
 STABLE
AS $function$ select count(*) from inventory.items $function$;

-- main
create table inventory.items (
  id bigint not null,
  name text
);

-- main
alter table inventory.items add constraint items_pkey PRIMARY KEY (id);
