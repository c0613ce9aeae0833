create table public.items (id bigint primary key, name text);
insert into public.items values (1, 'a'), (2, 'b');
