create type public.status as enum ('draft', 'published', 'archived');
create table public.posts (id bigint primary key, title text not null, status public.status not null default 'draft');
create view public.published_posts as select id, title from public.posts where status = 'published';
