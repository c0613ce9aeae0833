create schema inventory;
create table inventory.items (id bigint primary key, name text);
create view inventory.item_names as select name from inventory.items;
