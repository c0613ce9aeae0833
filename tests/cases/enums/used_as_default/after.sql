create type public.status as enum ('draft', 'live');
create table public.posts (id bigint, status public.status not null default 'draft');
