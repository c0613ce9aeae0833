create table public.orders (id bigint, customer_id bigint);
