create table public.people (id bigint, name text);
create view public.people_v as select id, name from public.people;
create function public.people_v_insert() returns trigger language plpgsql as $$ begin insert into public.people values (new.id, new.name); return new; end $$;
