create table public.bookings (id bigint primary key, room int, during int4range);
insert into public.bookings values (1, 1, '[1,5)'), (2, 1, '[3,8)'), (3, 2, '[3,8)');
