create type public.status as enum ('draft', 'published');
create type public.visibility as enum ('private', 'public');
create table public.posts (id bigint primary key, status public.status, visibility public.visibility);
