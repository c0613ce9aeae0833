create table public.orders (id bigint, customer bigint, placed date);
create index orders_lookup on public.orders (customer);
