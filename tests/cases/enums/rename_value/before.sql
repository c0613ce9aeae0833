create type public.status as enum ('draft', 'publishd');
create table public.posts (id bigint, status public.status);
