create table public.orders (id bigint, number bigint);
create sequence public.order_numbers owned by public.orders.number;
