create type public.status as enum ('draft', 'live', 'gone');
create table public.items (id bigint primary key, status public.status default 'draft');
insert into public.items values (1, 'draft'), (2, 'live');
create view public.live_items as select id from public.items where status = 'live';
