create table public.orders (id bigint not null, total numeric, constraint orders_pkey primary key (id) include (total));
