create type public.status as enum ('draft', 'published');
create table public.posts (id bigint, status public.status);
