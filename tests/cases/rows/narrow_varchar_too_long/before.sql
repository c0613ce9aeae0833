create table public.items (id bigint primary key, code varchar(20));
insert into public.items values (1, 'short'), (2, 'much too long');
