create table public.items (id bigint primary key, amount text);
insert into public.items values (1, '12'), (2, 'twelve');
