create schema inventory;
create table inventory.items (id bigint primary key, name text);
create function inventory.count_items() returns bigint language sql stable as $$ select count(*) from inventory.items $$;
