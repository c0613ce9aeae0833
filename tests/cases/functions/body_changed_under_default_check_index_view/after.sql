create function public.norm(t text) returns text language sql immutable as $$ select lower(trim(t)) $$;
create table public.people (id bigint, name text default public.norm('Anonymous'), constraint name_normal check (name = public.norm(name)));
create index people_name on public.people (public.norm(name));
create view public.people_names as select public.norm(name) as name from public.people;
