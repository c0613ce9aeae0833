create table public.people (id bigint, name text, email text);
create view public.people_v as select id, name, email from public.people;
create function public.people_v_insert() returns trigger language plpgsql as $$ begin insert into public.people (id, name) values (new.id, new.name); return new; end $$;
create trigger people_v_insert instead of insert on public.people_v for each row execute function public.people_v_insert();
