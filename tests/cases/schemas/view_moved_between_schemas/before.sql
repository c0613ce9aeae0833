create schema api;
create table public.items (id bigint, name text);
create view public.item_names as select name from public.items;
