create table public.people (id bigint, name text);
create view public.people_v as select id, name from public.people;
