create sequence public.order_numbers;
create table public.orders (id bigint primary key, number bigint default nextval('public.order_numbers'));
