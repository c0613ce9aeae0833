create table public.zones (id bigint, area box);
