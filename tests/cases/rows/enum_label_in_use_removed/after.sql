create type public.status as enum ('draft', 'live');
create table public.items (id bigint primary key, status public.status);
