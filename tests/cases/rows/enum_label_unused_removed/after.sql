create type public.status as enum ('draft', 'live');
create table public.items (id bigint primary key, status public.status default 'draft');
create view public.live_items as select id from public.items where status = 'live';
