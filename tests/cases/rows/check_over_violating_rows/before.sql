create table public.items (id bigint primary key, price integer);
insert into public.items values (1, 5), (2, -1), (3, 0);
