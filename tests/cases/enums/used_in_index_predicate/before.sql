create type public.status as enum ('draft', 'live', 'gone');
create table public.posts (id bigint, status public.status);
create index posts_live on public.posts (id) where status = 'live';
