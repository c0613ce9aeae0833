create table public.owners (id bigint primary key);
create table public.items (id bigint primary key, owner_id bigint);
insert into public.owners values (1);
insert into public.items values (1, 1), (2, 7), (3, null);
