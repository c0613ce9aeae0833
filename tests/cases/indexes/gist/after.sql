create table public.zones (id bigint, area box);
create index zones_area on public.zones using gist (area);
