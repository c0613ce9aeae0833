create table public.people (id bigint, name text, email text);
create view public.people_v as select id, name, email from public.people;
create rule people_v_insert as on insert to public.people_v do instead insert into public.people (id, name) values (new.id, new.name);
