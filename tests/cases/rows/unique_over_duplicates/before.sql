create table public.items (id bigint primary key, email text);
insert into public.items values (1, 'a@x'), (2, 'a@x'), (3, 'b@x'), (4, null), (5, null);
