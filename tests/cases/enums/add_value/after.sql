create type public.status as enum ('draft', 'published', 'archived');
create table public.posts (id bigint primary key, title text not null, status public.status not null default 'draft');
