create table public.orders (id bigint, number bigint, ref bigint);
create sequence public.order_numbers owned by public.orders.ref;
