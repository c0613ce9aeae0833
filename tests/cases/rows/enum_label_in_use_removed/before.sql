create type public.status as enum ('draft', 'live', 'gone');
create table public.items (id bigint primary key, status public.status);
insert into public.items values (1, 'draft'), (2, 'gone'), (3, 'gone');
