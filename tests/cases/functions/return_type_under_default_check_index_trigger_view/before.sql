create function public.norm(t text) returns text language sql immutable as $$ select lower(t) $$;
create function public.touch() returns trigger language plpgsql as $$ begin new.name := public.norm(new.name); return new; end $$;
create table public.people (
  id bigint,
  name text default public.norm('Anonymous'),
  constraint name_normal check (name = public.norm(name))
);
create index people_name on public.people (public.norm(name));
create trigger people_touch before insert on public.people for each row execute function public.touch();
create view public.people_names as select public.norm(name) as name from public.people;
